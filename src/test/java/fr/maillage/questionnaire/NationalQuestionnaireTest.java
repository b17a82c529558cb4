package fr.maillage.questionnaire;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national questionnaire shipped with the application loads clean and covers
 * domain.md.
 */
class NationalQuestionnaireTest {

	private final Definition national = read();

	private static Definition read() {
		DefinitionReader reader = new DefinitionReader();
		Definition definition = reader.read(NationalQuestionnaire.read());
		assertThat(reader.errors()).isEmpty();
		return definition;
	}

	@Test
	void loadsWithoutAnyProblem() {
		assertThat(new DefinitionChecks().check(this.national, List.of())).isEmpty();
		assertThat(new ExpressionChecks().check(this.national)).isEmpty();
	}

	@Test
	void hasAboutAHundredQuestionsOfEveryTypeAndOneThematicBlock() {
		assertThat(this.national.allQuestions()).hasSizeBetween(90, 115);
		assertThat(this.national.allQuestions().stream().map(Definition.Question::type).collect(Collectors.toSet()))
			.containsAll(Arrays.asList(QuestionType.values()));
		assertThat(this.national.sections().stream().map(Definition.Section::block).filter(b -> b != null).toList())
			.containsExactly("inclusion_numerique");
		assertThat(this.national.sections()).extracting(Definition.Section::code)
			.contains("identite", "gouvernance", "benevolat", "equipe", "finances", "partenariats", "projet_familles");
		assertThat(this.national.rules()).extracting(Definition.Rule::code)
			.contains("financements_egaux_produits", "etp_inferieurs_effectif");
	}

	@Test
	void espacesDeVieSocialeSeeOnlyWhatAppliesToThem() {
		long forCs = this.national.sections()
			.stream()
			.filter(section -> section.kinds().isEmpty() || section.kinds().contains("CS"))
			.flatMap(section -> section.questions().stream())
			.filter(question -> question.kinds().isEmpty() || question.kinds().contains("CS"))
			.count();
		long forEvs = this.national.sections()
			.stream()
			.filter(section -> section.kinds().isEmpty() || section.kinds().contains("EVS"))
			.flatMap(section -> section.questions().stream())
			.filter(question -> question.kinds().isEmpty() || question.kinds().contains("EVS"))
			.count();
		assertThat(forEvs).isLessThan(forCs);
		Set<String> familyProject = this.national.sections()
			.stream()
			.filter(section -> section.code().equals("projet_familles"))
			.findFirst()
			.orElseThrow()
			.kinds();
		assertThat(familyProject).containsExactly("CS");
	}

}
