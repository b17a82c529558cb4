package fr.maillage.questionnaire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers are typed and shown the French way; what cannot be read gets a field message.
 */
class AnswerInputTest {

	private static Definition.Question question(QuestionType type, String min, String max) {
		return new Definition.Question("q", type, "Question", null, false, (min != null) ? new BigDecimal(min) : null,
				(max != null) ? new BigDecimal(max) : null, null, Set.of(), null, List.of(), null, null, true, null,
				null, null, List.of(), 1);
	}

	private static final List<Definition.Choice> CHOICES = List.of(new Definition.Choice("caf", "Caf"),
			new Definition.Choice("communes", "Communes"));

	private static AnswerInput.Read read(QuestionType type, String typed) {
		return AnswerInput.read(question(type, null, null), CHOICES, typed);
	}

	@Test
	void readsFrenchNumbersMoneyAndPercentages() {
		assertThat(read(QuestionType.MONEY, "1 234,5").value()).isEqualTo(new BigDecimal("1234.5"));
		assertThat(read(QuestionType.MONEY, "3 500 €").value()).isEqualTo(new BigDecimal("3500"));
		assertThat(read(QuestionType.MONEY, "3\u202F500,25\u00A0€").value()).isEqualTo(new BigDecimal("3500.25"));
		assertThat(read(QuestionType.PERCENTAGE, "12 %").value()).isEqualTo(new BigDecimal("12"));
		assertThat(read(QuestionType.PERCENTAGE, "12,5%").value()).isEqualTo(new BigDecimal("12.5"));
		assertThat(read(QuestionType.INTEGER, "1 234").value()).isEqualTo(new BigDecimal("1234"));
		assertThat(read(QuestionType.FTE, "2,5").value()).isEqualTo(new BigDecimal("2.5"));
		assertThat(read(QuestionType.DECIMAL, "  ").value()).isNull();
	}

	@Test
	void showsValuesBackTheFrenchWay() {
		assertThat(AnswerInput.show(question(QuestionType.MONEY, null, null), new BigDecimal("1234.5")))
			.isEqualTo("1\u202F234,5\u00A0€");
		assertThat(AnswerInput.show(question(QuestionType.PERCENTAGE, null, null), new BigDecimal("12")))
			.isEqualTo("12\u00A0%");
		assertThat(AnswerInput.show(question(QuestionType.DATE, null, null), LocalDate.of(2025, 12, 31)))
			.isEqualTo("31/12/2025");
		// What is shown reads back to the same value.
		Definition.Question money = question(QuestionType.MONEY, null, null);
		assertThat(AnswerInput.read(money, CHOICES, AnswerInput.show(money, new BigDecimal("98765.43"))).value())
			.isEqualTo(new BigDecimal("98765.43"));
	}

	@Test
	void namesWhatIsWrongInFrench() {
		assertThat(read(QuestionType.MONEY, "beaucoup").problem()).isEqualTo("answer.error.number");
		assertThat(read(QuestionType.INTEGER, "12,5").problem()).isEqualTo("answer.error.integer");
		assertThat(read(QuestionType.MONEY, "12,345").problem()).isEqualTo("answer.error.decimals");
		assertThat(read(QuestionType.MONEY, "1.234,5").problem()).as("two decimal separators").isNotNull();
		assertThat(read(QuestionType.PERCENTAGE, "120 %").problem()).isEqualTo("answer.error.percentage");
		assertThat(read(QuestionType.DATE, "31/02/2025").problem()).isEqualTo("answer.error.date");
		assertThat(read(QuestionType.YES_NO, "peut-être").problem()).isEqualTo("answer.error.yes-no");
		assertThat(read(QuestionType.SINGLE_CHOICE, "etat").problem()).isEqualTo("answer.error.choice");
		assertThat(read(QuestionType.MULTIPLE_CHOICE, "caf, communes").value()).isEqualTo(Set.of("caf", "communes"));
		assertThat(read(QuestionType.SHORT_TEXT, "x".repeat(201)).problem()).isEqualTo("answer.error.too-long");
		AnswerInput.Read outside = AnswerInput.read(question(QuestionType.INTEGER, "0", "366"), CHOICES, "400");
		assertThat(outside.problem()).isEqualTo("answer.error.between");
		assertThat(outside.arguments()).containsExactly("0", "366");
	}

}
