package fr.maillage.questionnaire;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field's value is checked against its skip logic and constraints, with French
 * messages.
 */
class AnswerChecksTest {

	private final Definition national = new DefinitionReader().read(NationalQuestionnaire.read());

	@Test
	void aValueForAHiddenQuestionIsRefusedAndConstraintsSpeakFrench() {
		Definition definition = new DefinitionReader().read(DefinitionReaderTest.SMALL.replace("""
				      - code: partenaires
				""", """
				      - code: samedi
				        type: yes_no
				        label: Ouvert le samedi ?
				      - code: heures_samedi
				        type: decimal
				        label: Heures d’ouverture le samedi
				        relevant: "samedi = true"
				        constraints:
				          - rule: ". <= 12"
				            message: Une journée d’ouverture compte au plus 12 heures.
				      - code: partenaires
				"""));
		Definition.Question hours = definition.question("heures_samedi").orElseThrow();
		Map<String, Object> answers = new HashMap<>();
		answers.put("samedi", false);
		assertThat(AnswerChecks.field(definition, hours, new BigDecimal("4"), answers))
			.containsExactly("answer.error.not-relevant");
		answers.put("samedi", true);
		assertThat(AnswerChecks.field(definition, hours, new BigDecimal("4"), answers)).isEmpty();
		assertThat(AnswerChecks.field(definition, hours, new BigDecimal("14"), answers))
			.containsExactly("Une journée d’ouverture compte au plus 12 heures.");
		assertThat(AnswerChecks.field(definition, hours, null, answers)).as("an emptied field").isEmpty();
	}

	@Test
	void aConstraintOnAComputedTotalComputesItFirst() {
		Definition.Question trained = this.national.question("benevoles_formes").orElseThrow();
		Map<String, Object> answers = Map.of("benevoles_activite", new BigDecimal("20"), "benevoles_instances",
				new BigDecimal("12"));
		assertThat(AnswerChecks.field(this.national, trained, new BigDecimal("30"), answers)).isEmpty();
		assertThat(AnswerChecks.field(this.national, trained, new BigDecimal("33"), answers))
			.containsExactly("Les bénévoles formés ne peuvent pas dépasser le nombre total de bénévoles.");
	}

	@Test
	void theNationalQuestionnairesConditionsEvaluateOnAnswers() {
		long conditional = this.national.allQuestions().stream().filter(q -> q.relevant() != null).count();
		assertThat(conditional).isPositive();
		// With no answers at all, no condition throws, and the conditional questions stay
		// hidden (a comparison with an unanswered question is false).
		long hidden = this.national.allQuestions()
			.stream()
			.filter(question -> !AnswerChecks.relevant(this.national, question, Map.of()))
			.count();
		assertThat(hidden).isPositive().isLessThanOrEqualTo(conditional);
	}

}
