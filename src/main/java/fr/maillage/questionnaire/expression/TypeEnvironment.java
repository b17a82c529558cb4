package fr.maillage.questionnaire.expression;

import java.util.function.Function;

/**
 * What the type checker knows about the questionnaire around an expression: the type of
 * each code, which codes belong to a repeat group, where the expression sits.
 */
public interface TypeEnvironment {

	/** The type of a question code, or null when the questionnaire has no such code. */
	ValueType typeOf(String code);

	/** The repeat group holding this code, or null when it is outside any repeat. */
	default String repeatOf(String code) {
		return null;
	}

	/** The repeat group whose item the expression belongs to, or null. */
	default String enclosingRepeat() {
		return null;
	}

	/** The type of {@code .} (the value being checked), or null outside a constraint. */
	default ValueType currentValueType() {
		return null;
	}

	/** An environment for an expression outside repeats, with no repeat children. */
	static TypeEnvironment of(Function<String, ValueType> types) {
		return of(types, (code) -> null);
	}

	/**
	 * An environment for an expression outside repeats.
	 * @param types the type of each code, null for an unknown one
	 * @param repeatOf the repeat group of each code, null for one outside repeats
	 */
	static TypeEnvironment of(Function<String, ValueType> types, Function<String, String> repeatOf) {
		return new Scope(types, repeatOf, null, null);
	}

	/** The same environment, for a constraint on a value of this type. */
	default TypeEnvironment withCurrentValue(ValueType type) {
		return new Scope(this::typeOf, this::repeatOf, enclosingRepeat(), type);
	}

	/** The same environment, for an expression inside an item of this repeat group. */
	default TypeEnvironment inRepeat(String repeatCode) {
		return new Scope(this::typeOf, this::repeatOf, repeatCode, currentValueType());
	}

	/** The plain implementation behind the factories. */
	record Scope(Function<String, ValueType> types, Function<String, String> repeats, String enclosingRepeat,
			ValueType currentValueType) implements TypeEnvironment {

		@Override
		public ValueType typeOf(String code) {
			return this.types.apply(code);
		}

		@Override
		public String repeatOf(String code) {
			return this.repeats.apply(code);
		}

	}

}
