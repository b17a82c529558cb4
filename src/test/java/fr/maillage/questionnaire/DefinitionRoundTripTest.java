package fr.maillage.questionnaire;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A definition written as a workbook or as YAML reads back into the same definition, line
 * numbers aside: the workbook downloaded from a published version is that version, and
 * the YAML published for an uploaded workbook is that workbook.
 */
class DefinitionRoundTripTest {

	private static Definition yaml(String source) {
		DefinitionReader reader = new DefinitionReader();
		Definition definition = reader.read(source);
		assertThat(reader.errors()).isEmpty();
		return definition;
	}

	private static Definition throughWorkbook(Definition definition) {
		WorkbookDefinitionReader reader = new WorkbookDefinitionReader();
		Definition read = reader.read(DefinitionWorkbook.write(definition));
		assertThat(reader.errors()).isEmpty();
		return read;
	}

	@Test
	void theNationalQuestionnaireSurvivesAWorkbookRoundTrip() {
		Definition national = yaml(NationalQuestionnaire.read());
		Definition read = throughWorkbook(national);
		assertThat(read.withoutLines()).isEqualTo(national.withoutLines());
		assertThat(read.choices().keySet()).containsExactlyElementsOf(national.choices().keySet());
		assertThat(new DefinitionChecks().check(read, List.of())).isEmpty();
		assertThat(new ExpressionChecks().check(read)).isEmpty();
	}

	@Test
	void theNationalQuestionnaireWrittenAsYamlReadsBackTheSame() {
		Definition national = yaml(NationalQuestionnaire.read());
		assertThat(yaml(DefinitionWriter.write(national)).withoutLines()).isEqualTo(national.withoutLines());
	}

	@Test
	void everyFeatureOfTheFormatSurvivesBothRoundTrips() {
		Definition crafted = yaml(WorkbookDefinitionReaderTest.YAML);
		assertThat(throughWorkbook(crafted).withoutLines()).isEqualTo(crafted.withoutLines());
		assertThat(yaml(DefinitionWriter.write(crafted)).withoutLines()).isEqualTo(crafted.withoutLines());
		Definition fromWorkbook = new WorkbookDefinitionReader().read(WorkbookDefinitionReaderTest.crafted());
		assertThat(yaml(DefinitionWriter.write(fromWorkbook)).withoutLines()).isEqualTo(fromWorkbook.withoutLines());
	}

	@Test
	void writtenYamlKeepsTextsThatLookLikeSomethingElse() {
		Definition tricky = yaml("""
				format: 1
				code: piegeux
				version: "2026"
				title: "yes"
				sections:
				  - code: s
				    title: "null"
				    help: "Deux lignes :\\n- la première\\n# la seconde"
				    questions:
				      - code: q
				        type: integer
				        label: "# pas un commentaire: vraiment"
				        help: "@arobase, {accolade}, [crochet], 'apostrophe', \\"guillemets\\""
				        min: -12.50
				        max: 1000000000000.001
				        unit: "true"
				      - {code: r, type: integer, label: "!!java.lang.Runtime"}
				""");
		String written = DefinitionWriter.write(tricky);
		assertThat(written).contains("label: '!!java.lang.Runtime'").doesNotContain("!!float").doesNotContain("!!int");
		assertThat(yaml(written).withoutLines()).isEqualTo(tricky.withoutLines());
	}

}
