package fr.maillage.questionnaire;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Definition files are read with every problem reported at its line, in French; what is
 * read is only data (no YAML tags can build objects).
 */
class DefinitionReaderTest {

	static final String SMALL = """
			format: 1
			code: essai
			version: "1"
			title: Questionnaire d’essai
			choices:
			  oui_non_nsp:
			    - {code: oui, label: Oui}
			    - {code: non, label: Non}
			sections:
			  - code: identite
			    title: Identité
			    questions:
			      - code: jours_ouverture
			        type: integer
			        label: Jours d’ouverture
			        min: 0
			        max: 366
			        required: true
			      - code: partenaires
			        type: repeat
			        label: Partenaires
			        max_items: 10
			        questions:
			          - {code: partenaire_nom, type: short_text, label: Nom}
			  - code: numerique
			    title: Inclusion numérique
			    block: inclusion_numerique
			    kinds: [CS]
			    questions:
			      - code: conseiller_numerique
			        type: single_choice
			        choices: oui_non_nsp
			        label: Un conseiller numérique ?
			""";

	@Test
	void readsSectionsQuestionsRepeatsAndBlocks() {
		DefinitionReader reader = new DefinitionReader();
		Definition definition = reader.read(SMALL);
		assertThat(reader.errors()).isEmpty();
		assertThat(definition.family()).isEqualTo("essai");
		assertThat(definition.allQuestions()).extracting(Definition.Question::code)
			.containsExactly("jours_ouverture", "partenaires", "partenaire_nom", "conseiller_numerique");
		Definition.Question days = definition.question("jours_ouverture").orElseThrow();
		assertThat(days.type()).isEqualTo(QuestionType.INTEGER);
		assertThat(days.core()).isTrue();
		assertThat(days.line()).isEqualTo(13);
		Definition.Question adviser = definition.question("conseiller_numerique").orElseThrow();
		assertThat(adviser.core()).as("a thematic block is not core").isFalse();
		assertThat(adviser.block()).isEqualTo("inclusion_numerique");
		assertThat(definition.sections().get(1).kinds()).containsExactly("CS");
		assertThat(new DefinitionChecks().check(definition, List.of())).isEmpty();
	}

	@Test
	void reportsEachProblemOfShapeWithItsLine() {
		String broken = SMALL.replace("type: integer", "type: entier")
			.replace("required: true", "required: oui")
			.replace("        max_items: 10", "        max_items: 10\n        colour: bleu");
		DefinitionReader reader = new DefinitionReader();
		assertThat(reader.read(broken)).isNull();
		assertThat(reader.errors()).extracting(DefinitionError::toString)
			.contains("ligne 14 : type « entier » inconnu.", "ligne 18 : « required » vaut true ou false, pas « oui ».")
			.anySatisfy(error -> assertThat(error).startsWith("ligne 23 : champ « colour » inconnu ici"));
	}

	@Test
	void refusesYamlTagsThatWouldBuildJavaObjects() {
		DefinitionReader reader = new DefinitionReader();
		String attack = "format: 1\ncode: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n";
		assertThat(reader.read(attack)).isNull();
		assertThat(reader.errors()).isNotEmpty();
		assertThat(new DefinitionReader().read("format: [1\n")).isNull();
	}

	@Test
	void checksCodesChoicesBoundsAndDuplicates() {
		String bad = SMALL.replace("code: partenaire_nom", "code: jours_ouverture")
			.replace("max: 366", "max: -1")
			.replace("choices: oui_non_nsp", "choices: inconnue")
			.replace("code: numerique", "code: Numérique");
		DefinitionReader reader = new DefinitionReader();
		Definition definition = reader.read(bad);
		assertThat(reader.errors()).isEmpty();
		assertThat(new DefinitionChecks().check(definition, List.of())).extracting(DefinitionError::toString)
			.contains("ligne 13 : le minimum dépasse le maximum.",
					"ligne 24 : la question « jours_ouverture » existe déjà.",
					"ligne 30 : liste de choix « inconnue » inconnue.")
			.anySatisfy(error -> assertThat(error).contains("code de section « Numérique » invalide"));
	}

	@Test
	void aNewVersionKeepsTheTypeAndUnitOfEveryCoreCode() {
		Definition first = new DefinitionReader().read(SMALL);
		Definition second = new DefinitionReader()
			.read(SMALL.replace("version: \"1\"", "version: \"2\"").replace("type: integer", "type: decimal"));
		assertThat(new DefinitionChecks().check(second, List.of(first))).extracting(DefinitionError::toString)
			.anySatisfy(error -> assertThat(error).startsWith(
					"ligne 13 : la question du cœur « jours_ouverture » était de type integer dans la version « 1 »"));
		// Rewording, adding and dropping questions are fine.
		Definition third = new DefinitionReader().read(SMALL.replace("version: \"1\"", "version: \"3\"")
			.replace("label: Jours d’ouverture", "label: Nombre de jours d’ouverture au public"));
		assertThat(new DefinitionChecks().check(third, List.of(first))).isEmpty();
		assertThat(new DefinitionChecks().check(first, List.of(first))).extracting(DefinitionError::message)
			.anySatisfy(error -> assertThat(error).contains("déjà publiée"));
	}

}
