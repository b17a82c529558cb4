package fr.maillage.questionnaire.expression;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Entry points: parse expressions, find cycles among the codes they depend on. */
public final class Expressions {

	/** Longest expression accepted, in characters. */
	public static final int MAX_LENGTH = Parser.MAX_LENGTH;

	/** Deepest nesting of parentheses, calls and unary operators accepted. */
	public static final int MAX_DEPTH = Parser.MAX_DEPTH;

	/**
	 * How many parsed expressions are kept. The published questionnaires hold a few
	 * hundred; definition files being checked may bring more, which are then parsed each
	 * time instead of filling the memory.
	 */
	static final int CACHE_SIZE = 5_000;

	/**
	 * Parsed expressions by source, one map for expressions and one for constraints.
	 * Every autosave evaluates the skip logic, constraints and totals of its
	 * questionnaire: parsing them each time was most of its memory allocation (bench of
	 * issue 5). Expressions are immutable, so sharing them is safe.
	 */
	private static final Map<String, Expression> PARSED = new ConcurrentHashMap<>();

	private static final Map<String, Expression> PARSED_CONSTRAINTS = new ConcurrentHashMap<>();

	private Expressions() {
	}

	/**
	 * Parses an expression of {@code relevant}, {@code calculate} or a rule, where
	 * {@code .} is not allowed.
	 * @throws ExpressionException in French, with the column of the problem
	 */
	public static Expression parse(String source) {
		return parsed(PARSED, source, false);
	}

	/**
	 * Parses a constraint, where {@code .} stands for the value being checked.
	 * @throws ExpressionException in French, with the column of the problem
	 */
	public static Expression parseConstraint(String source) {
		return parsed(PARSED_CONSTRAINTS, source, true);
	}

	private static Expression parsed(Map<String, Expression> cache, String source, boolean currentValueAllowed) {
		Expression known = (source != null) ? cache.get(source) : null;
		if (known != null) {
			return known;
		}
		// Throws for a wrong expression: those are never kept.
		Expression expression = new Expression(source, Parser.parse(source, currentValueAllowed));
		if (cache.size() < CACHE_SIZE) {
			cache.putIfAbsent(source, expression);
		}
		return expression;
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
