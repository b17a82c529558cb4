package fr.maillage.questionnaire.expression;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import fr.maillage.questionnaire.expression.Node.Binary;
import fr.maillage.questionnaire.expression.Node.Call;
import fr.maillage.questionnaire.expression.Node.CodeRef;
import fr.maillage.questionnaire.expression.Node.CurrentValue;
import fr.maillage.questionnaire.expression.Node.Negate;
import fr.maillage.questionnaire.expression.Node.Not;

/**
 * A parsed expression: immutable, thread-safe, made by {@link Expressions#parse}. Check
 * it once when the questionnaire loads, then evaluate it as often as needed.
 */
public final class Expression {

	private final String source;

	private final Node root;

	private final Set<String> references;

	private final boolean usesCurrentValue;

	Expression(String source, Node root) {
		this.source = source;
		this.root = root;
		Set<String> codes = new LinkedHashSet<>();
		this.usesCurrentValue = collect(root, codes);
		this.references = Collections.unmodifiableSet(codes);
	}

	/** Adds the codes under this node to {@code codes}; true when it uses {@code .}. */
	private static boolean collect(Node node, Set<String> codes) {
		return switch (node) {
			case CodeRef ref -> {
				codes.add(ref.code());
				yield false;
			}
			case CurrentValue current -> true;
			case Not not -> collect(not.operand(), codes);
			case Negate negate -> collect(negate.operand(), codes);
			case Binary binary -> collect(binary.left(), codes) | collect(binary.right(), codes);
			case Call call -> {
				boolean uses = false;
				for (Node argument : call.arguments()) {
					uses |= collect(argument, codes);
				}
				yield uses;
			}
			default -> false;
		};
	}

	/** The text it was parsed from. */
	public String source() {
		return this.source;
	}

	/**
	 * The question codes it uses (repeat groups in {@code count()} included), in order.
	 */
	public Set<String> references() {
		return this.references;
	}

	/** Whether it uses {@code .}, the value being checked. */
	public boolean usesCurrentValue() {
		return this.usesCurrentValue;
	}

	/**
	 * The type of its value.
	 * @throws ExpressionException the first type error, in French: an unknown code,
	 * values of the wrong types, a code out of its repeat's scope…
	 */
	public ValueType check(TypeEnvironment environment) {
		ValueType type = new TypeChecker(environment).typeOf(this.root);
		if (type == null) {
			throw new ExpressionException("l’expression vaut toujours null", this.root.column());
		}
		return type;
	}

	/**
	 * Checks it and that its value has the expected type: {@link ValueType#BOOLEAN} for
	 * {@code relevant}, constraints and rules; the question's type for {@code calculate}.
	 */
	public void check(TypeEnvironment environment, ValueType expected) {
		ValueType type = check(environment);
		if (type == expected) {
			return;
		}
		if (expected == ValueType.BOOLEAN) {
			throw new ExpressionException(TypeChecker.NOT_A_CONDITION + ", pas " + type.withArticle(), 1);
		}
		throw new ExpressionException(
				"l’expression doit donner " + expected.withArticle() + ", pas " + type.withArticle(), 1);
	}

	/**
	 * Its value for these answers: a {@link java.math.BigDecimal}, {@link Boolean},
	 * {@link String}, {@link java.time.LocalDate}, set of choice codes, or null. Never
	 * throws for any answers: what cannot be computed (division by zero, a value of the
	 * wrong type) is null.
	 */
	public Object evaluate(Values values) {
		try {
			return new Evaluator(values).valueOf(this.root);
		}
		catch (ArithmeticException | ClassCastException ex) {
			// Exponent overflow, or a collection of answers refusing a lookup: no value.
			return null;
		}
	}

	/** Whether it evaluates to true: null (unknown) counts as not true. */
	public boolean isTrue(Values values) {
		return Boolean.TRUE.equals(evaluate(values));
	}

	@Override
	public String toString() {
		return this.source;
	}

}
