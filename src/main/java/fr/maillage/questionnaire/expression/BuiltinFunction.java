package fr.maillage.questionnaire.expression;

import java.util.Arrays;
import java.util.Optional;

/** The functions of the language: the only calls an expression can make. */
enum BuiltinFunction {

	SUM("sum", 1, Integer.MAX_VALUE), ABS("abs", 1, 1), MIN("min", 1, Integer.MAX_VALUE),
	MAX("max", 1, Integer.MAX_VALUE), ROUND("round", 2, 2), IF("if", 3, 3), COUNT("count", 1, 1),
	SELECTED("selected", 2, 2), ANSWERED("answered", 1, 1);

	private final String functionName;

	private final int minArguments;

	private final int maxArguments;

	BuiltinFunction(String functionName, int minArguments, int maxArguments) {
		this.functionName = functionName;
		this.minArguments = minArguments;
		this.maxArguments = maxArguments;
	}

	static Optional<BuiltinFunction> named(String name) {
		return Arrays.stream(values()).filter((function) -> function.functionName.equals(name)).findFirst();
	}

	String functionName() {
		return this.functionName;
	}

	/**
	 * The French reason when {@code count} arguments do not fit, or null when they do.
	 */
	String arityProblem(int count) {
		if (count >= this.minArguments && count <= this.maxArguments) {
			return null;
		}
		if (this.minArguments == this.maxArguments) {
			return "la fonction « " + this.functionName + " » attend " + this.minArguments + " argument"
					+ ((this.minArguments > 1) ? "s" : "") + ", pas " + count;
		}
		return "la fonction « " + this.functionName + " » attend au moins " + this.minArguments + " argument";
	}

}
