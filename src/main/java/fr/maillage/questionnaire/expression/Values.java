package fr.maillage.questionnaire.expression;

import java.util.Map;
import java.util.function.Function;

/**
 * The answers an expression is evaluated against. A value is null when unanswered, else a
 * {@link java.math.BigDecimal} (other {@link Number}s are accepted), a {@link Boolean}, a
 * {@link String} (texts and single choices), a {@link java.time.LocalDate}, a
 * {@code Set<String>} (multiple choices); a repeat group's value is its items, a
 * {@code List<Map<String, Object>>} (code → value), or only their count as a number.
 */
public interface Values {

	/** The answer to this code, or null. */
	Object valueOf(String code);

	/** The value {@code .} stands for, in a constraint. */
	default Object currentValue() {
		return null;
	}

	/** The repeat group holding this code, or null when it is outside any repeat. */
	default String repeatOf(String code) {
		return null;
	}

	/** The repeat group whose item is being evaluated, or null. */
	default String enclosingRepeat() {
		return null;
	}

	/** Answers by code, with no repeat groups. */
	static Values of(Map<String, ?> answers) {
		return of(answers, (code) -> null);
	}

	/**
	 * Answers by code; a repeat group's answer holds its items.
	 * @param repeatOf the repeat group of each code, null for one outside repeats
	 */
	static Values of(Map<String, ?> answers, Function<String, String> repeatOf) {
		return new Scope(answers::get, repeatOf, null, null);
	}

	/** The same answers, with {@code .} standing for this value. */
	default Values withCurrentValue(Object value) {
		return new Scope(this::valueOf, this::repeatOf, enclosingRepeat(), value);
	}

	/**
	 * The same answers seen from one item of a repeat group: its siblings' codes read the
	 * item, the others read the answers outside.
	 */
	default Values inItem(String repeatCode, Map<String, ?> item) {
		Function<String, Object> lookup = (code) -> repeatCode.equals(repeatOf(code)) ? item.get(code) : valueOf(code);
		return new Scope(lookup, this::repeatOf, repeatCode, currentValue());
	}

	/** The plain implementation behind the factories. */
	record Scope(Function<String, ?> answers, Function<String, String> repeats, String enclosingRepeat,
			Object currentValue) implements Values {

		@Override
		public Object valueOf(String code) {
			return this.answers.apply(code);
		}

		@Override
		public String repeatOf(String code) {
			return this.repeats.apply(code);
		}

	}

}
