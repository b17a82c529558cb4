package fr.maillage.questionnaire.expression;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Property-style: whatever the text, parsing either succeeds or throws an
 * {@link ExpressionException}; whatever the answers, a parsed expression evaluates
 * without throwing. Seeded, so a failure can be replayed.
 */
class ExpressionFuzzTests {

	private static final String[] PIECES = { "a", "b", "x_1", "sum", "abs", "min", "max", "round", "if", "count",
			"selected", "answered", "and", "or", "not", "true", "false", "null", "(", ")", ",", ".", "+", "-", "*", "/",
			"=", "!=", "<", "<=", ">", ">=", "0", "1", "2.5", "'caf'", "'", " ", "#", "$", "[", "T(", "{", "é",
			"\u0000", "\uD83D\uDE00" };

	private static final List<Object> ODD_VALUES = List.of(BigDecimal.ZERO, new BigDecimal("-1E+5"), 3, 2.5, Double.NaN,
			Long.MAX_VALUE, true, false, "", "caf", "12", Set.of(), Set.of("caf"), LocalDate.of(2025, 12, 31),
			List.of(), List.of(Map.of("x_1", 2), Map.of()), List.of("item"), new Object());

	@Test
	void randomCharactersOnlyEverGiveExpressionExceptions() {
		Random random = new Random(20_260_101L);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int j = 0; j < length; j++) {
				text.append((char) random.nextInt(0x250));
			}
			parseOrExpressionException(text.toString());
		}
	}

	@Test
	void randomTokenSoupsParseOrFailCleanlyAndEvaluateWithoutThrowing() {
		Random random = new Random(42L);
		int parsed = 0;
		for (int i = 0; i < 30_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(12);
			for (int j = 0; j < length; j++) {
				text.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? " " : "");
			}
			Expression expression = parseOrExpressionException(text.toString());
			if (expression != null) {
				parsed++;
				for (int k = 0; k < 5; k++) {
					expression.evaluate(randomValues(random));
				}
			}
		}
		assertThat(parsed).as("some soups must parse, or the test proves little").isGreaterThan(500);
	}

	private static Expression parseOrExpressionException(String text) {
		try {
			return Expressions.parseConstraint(text);
		}
		catch (ExpressionException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return null;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return fail("« " + text + " » threw " + ex, ex);
		}
	}

	private static Values randomValues(Random random) {
		Map<String, Object> answers = new HashMap<>();
		for (String code : List.of("a", "b", "x_1")) {
			answers.put(code, random.nextInt(4) == 0 ? null : ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
		}
		Values values = Values.of(answers, (code) -> "x_1".equals(code) ? "b" : null);
		return values.withCurrentValue(ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
	}

}
