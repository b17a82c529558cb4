package fr.maillage.questionnaire.expression;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Entry points: parse expressions, find cycles among the codes they depend on. */
public final class Expressions {

	/** Longest expression accepted, in characters. */
	public static final int MAX_LENGTH = Parser.MAX_LENGTH;

	/** Deepest nesting of parentheses, calls and unary operators accepted. */
	public static final int MAX_DEPTH = Parser.MAX_DEPTH;

	private Expressions() {
	}

	/**
	 * Parses an expression of {@code relevant}, {@code calculate} or a rule, where
	 * {@code .} is not allowed.
	 * @throws ExpressionException in French, with the column of the problem
	 */
	public static Expression parse(String source) {
		return new Expression(source, Parser.parse(source, false));
	}

	/**
	 * Parses a constraint, where {@code .} stands for the value being checked.
	 * @throws ExpressionException in French, with the column of the problem
	 */
	public static Expression parseConstraint(String source) {
		return new Expression(source, Parser.parse(source, true));
	}

	/**
	 * One cycle among dependencies (code → codes its expression uses), as the codes met
	 * along it with the first repeated at the end ({@code [a, b, a]}); empty when there
	 * is none. Deterministic: codes are visited in alphabetical order.
	 */
	public static List<String> findCycle(Map<String, ? extends Set<String>> dependencies) {
		return CycleFinder.findCycle(dependencies);
	}

}
