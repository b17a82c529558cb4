package fr.maillage.questionnaire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.maillage.questionnaire.expression.Expression;
import fr.maillage.questionnaire.expression.Expressions;

/**
 * The expressions of definitions, parsed once: checks run them over every answer saved
 * and every response submitted (and the demo data over thousands), while a published
 * definition never changes. Parsed expressions are immutable and thread-safe. The cache
 * only grows with the expressions of the definitions checked answers use; past a bound it
 * stops keeping new ones.
 */
final class ParsedExpressions {

	private static final int MAX_KEPT = 20_000;

	private static final Map<String, Expression> EXPRESSIONS = new ConcurrentHashMap<>();

	private static final Map<String, Expression> CONSTRAINTS = new ConcurrentHashMap<>();

	private ParsedExpressions() {
	}

	/** A {@code relevant}, {@code calculate} or rule expression. */
	static Expression expression(String source) {
		return parsed(EXPRESSIONS, source, false);
	}

	/** A constraint, where {@code .} is the value being checked. */
	static Expression constraint(String source) {
		return parsed(CONSTRAINTS, source, true);
	}

	private static Expression parsed(Map<String, Expression> cache, String source, boolean constraint) {
		Expression known = cache.get(source);
		if (known != null) {
			return known;
		}
		Expression parsed = constraint ? Expressions.parseConstraint(source) : Expressions.parse(source);
		if (cache.size() < MAX_KEPT) {
			cache.put(source, parsed);
		}
		return parsed;
	}

}
