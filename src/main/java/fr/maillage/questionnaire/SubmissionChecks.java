package fr.maillage.questionnaire;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.questionnaire.expression.Expression;
import fr.maillage.questionnaire.expression.Expressions;
import fr.maillage.questionnaire.expression.Values;

/**
 * Every rule of a questionnaire run over a whole response, as "Soumettre" does: required
 * questions, constraints and cross-field rules give blocking errors; a value far from
 * last year's, and rules of severity warning, ask for a justification. Hidden questions
 * (another kind of structure, or skip logic) count for nothing. Totals are computed
 * first.
 */
public final class SubmissionChecks {

	/** The deviation from last year that asks for a justification when none is set. */
	static final BigDecimal DEFAULT_DEVIATION = new BigDecimal("0.5");

	private SubmissionChecks() {
	}

	/**
	 * One problem: the question (or rule) it is about, whether it blocks submission, and
	 * a message key or the definition's own French message, with arguments.
	 */
	public record Finding(String code, boolean blocking, String message, List<Object> arguments) {
	}

	/**
	 * Checks the answers (code → value, outside repeat groups) of a structure of
	 * {@code kind} ("CS" or "EVS"), against last year's validated answers (may be empty).
	 */
	public static List<Finding> check(Definition definition, String kind, Map<String, Object> answers,
			Map<String, Object> lastYear) {
		return check(definition, kind, answers, lastYear, Map.of());
	}

	/**
	 * A département's usual range for one question: its 5th and 95th percentiles among
	 * the {@code answered} other structures that answered it.
	 */
	public record Spread(BigDecimal low, BigDecimal high, int answered) {
	}

	/** The fewest other answers that make a département's range meaningful. */
	public static final int SPREAD_MINIMUM = 5;

	/**
	 * As {@link #check(Definition, String, Map, Map)}, and a value outside its
	 * département's 5th–95th percentiles asks for a justification when the question asks
	 * for it and at least {@value #SPREAD_MINIMUM} other structures answered.
	 */
	public static List<Finding> check(Definition definition, String kind, Map<String, Object> answers,
			Map<String, Object> lastYear, Map<String, Spread> departement) {
		Map<String, Object> values = withTotals(definition, answers);
		Values all = Values.of(values);
		List<Finding> findings = new ArrayList<>();
		for (Definition.Section section : definition.sections()) {
			if (!section.kinds().isEmpty() && !section.kinds().contains(kind)) {
				continue;
			}
			for (Definition.Question question : section.questions()) {
				if ((!question.kinds().isEmpty() && !question.kinds().contains(kind))
						|| !AnswerChecks.relevant(definition, question, values)) {
					continue;
				}
				Object value = values.get(question.code());
				if (value == null) {
					if (question.required() && question.calculate() == null && question.type() != QuestionType.REPEAT) {
						findings.add(new Finding(question.code(), true, "answer.error.required", List.of()));
					}
					continue;
				}
				for (Definition.Constraint constraint : question.constraints()) {
					if (!Expressions.parseConstraint(constraint.rule()).isTrue(all.withCurrentValue(value))) {
						findings.add(new Finding(question.code(), true, constraint.message(), List.of()));
					}
				}
				deviation(question, value, lastYear.get(question.code())).ifPresent(findings::add);
				outsideSpread(question, value, departement.get(question.code())).ifPresent(findings::add);
			}
		}
		for (Definition.Rule rule : definition.rules()) {
			if (rule.relevant() != null && !Expressions.parse(rule.relevant()).isTrue(all)) {
				continue;
			}
			// An incomplete rule (a value missing) is left to the required questions.
			Object result = Expressions.parse(rule.rule()).evaluate(all);
			if (Boolean.FALSE.equals(result)) {
				findings.add(new Finding(rule.code(), rule.severity() == Definition.Severity.ERROR, rule.message(),
						List.of()));
			}
		}
		return findings;
	}

	/** The answers with every computed total filled in, in dependency order. */
	public static Map<String, Object> withTotals(Definition definition, Map<String, Object> answers) {
		Map<String, Object> values = new HashMap<>(answers);
		List<Definition.Question> computed = definition.allQuestions()
			.stream()
			.filter(question -> question.calculate() != null)
			.toList();
		// Definitions have no cycles (checked at load): as many rounds as totals settle
		// them.
		for (int round = 0; round < computed.size(); round++) {
			boolean changed = false;
			for (Definition.Question question : computed) {
				Expression expression = Expressions.parse(question.calculate());
				Object value = expression.evaluate(Values.of(values));
				if (!java.util.Objects.equals(values.get(question.code()), value)) {
					values.put(question.code(), value);
					changed = true;
				}
			}
			if (!changed) {
				break;
			}
		}
		return values;
	}

	private static java.util.Optional<Finding> outsideSpread(Definition.Question question, Object value,
			Spread spread) {
		if (spread == null || spread.answered() < SPREAD_MINIMUM || question.warning() == null
				|| !question.warning().percentile() || !(value instanceof BigDecimal number)) {
			return java.util.Optional.empty();
		}
		if (number.compareTo(spread.low()) >= 0 && number.compareTo(spread.high()) <= 0) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Finding(question.code(), false, "answer.warning.percentile",
				List.of(AnswerInput.show(question, rounded(spread.low())),
						AnswerInput.show(question, rounded(spread.high())), spread.answered())));
	}

	/**
	 * A bound to two significant digits: with few structures, an exact percentile would
	 * come close to telling another structure's own value.
	 */
	static BigDecimal rounded(BigDecimal bound) {
		BigDecimal round = bound.round(new MathContext(2, RoundingMode.HALF_UP));
		return (round.scale() < 0) ? round.setScale(0) : round;
	}

	private static java.util.Optional<Finding> deviation(Definition.Question question, Object value, Object previous) {
		if (!question.type().numeric() || !(value instanceof BigDecimal now) || !(previous instanceof BigDecimal before)
				|| before.signum() == 0) {
			return java.util.Optional.empty();
		}
		BigDecimal allowed = (question.warning() != null && question.warning().deviation() != null)
				? question.warning().deviation() : (question.core() ? DEFAULT_DEVIATION : null);
		if (allowed == null) {
			return java.util.Optional.empty();
		}
		BigDecimal change = now.subtract(before).abs().divide(before.abs(), MathContext.DECIMAL64);
		if (change.compareTo(allowed) <= 0) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Finding(question.code(), false, "answer.warning.deviation",
				List.of(AnswerInput.show(question, before),
						change.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString())));
	}

}
