package fr.maillage.questionnaire.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import fr.maillage.questionnaire.expression.Node.Binary;
import fr.maillage.questionnaire.expression.Node.BooleanLiteral;
import fr.maillage.questionnaire.expression.Node.Call;
import fr.maillage.questionnaire.expression.Node.CodeRef;
import fr.maillage.questionnaire.expression.Node.CurrentValue;
import fr.maillage.questionnaire.expression.Node.Negate;
import fr.maillage.questionnaire.expression.Node.Not;
import fr.maillage.questionnaire.expression.Node.NullLiteral;
import fr.maillage.questionnaire.expression.Node.NumberLiteral;
import fr.maillage.questionnaire.expression.Node.TextLiteral;

/**
 * Computes a node's value. Unanswered questions are null; arithmetic with null gives
 * null; a comparison with null is false; {@code and}, {@code or} and {@code not} follow
 * three-valued logic (false and null is false, true or null is true). A value of an
 * unexpected type counts as null, so no answers can make evaluation throw.
 */
final class Evaluator {

	static final MathContext CONTEXT = MathContext.DECIMAL64;

	private static final int MAX_ROUNDING_DIGITS = 20;

	private final Values values;

	Evaluator(Values values) {
		this.values = values;
	}

	Object valueOf(Node node) {
		return switch (node) {
			case NumberLiteral literal -> literal.value();
			case TextLiteral literal -> literal.value();
			case BooleanLiteral literal -> literal.value();
			case NullLiteral literal -> null;
			case CurrentValue current -> normalized(this.values.currentValue());
			case CodeRef ref -> normalized(this.values.valueOf(ref.code()));
			case Not not -> {
				Boolean operand = condition(not.operand());
				yield (operand != null) ? !operand : null;
			}
			case Negate negate -> (number(negate.operand()) instanceof BigDecimal n) ? n.negate(CONTEXT) : null;
			case Binary binary -> binaryValue(binary);
			case Call call -> callValue(call);
		};
	}

	/** BigDecimal for any number; null for a number that is not one (NaN, infinite). */
	static Object normalized(Object value) {
		return switch (value) {
			case null -> null;
			case BigDecimal decimal -> decimal;
			case Integer n -> BigDecimal.valueOf(n);
			case Long n -> BigDecimal.valueOf(n);
			case Short n -> BigDecimal.valueOf(n);
			case Byte n -> BigDecimal.valueOf(n);
			case BigInteger n -> new BigDecimal(n);
			case Double n -> Double.isFinite(n) ? BigDecimal.valueOf(n) : null;
			case Float n -> Float.isFinite(n) ? new BigDecimal(n.toString()) : null;
			case Number n -> null;
			default -> value;
		};
	}

	private Boolean condition(Node node) {
		return (valueOf(node) instanceof Boolean b) ? b : null;
	}

	private BigDecimal number(Node node) {
		return (valueOf(node) instanceof BigDecimal n) ? n : null;
	}

	private Object binaryValue(Binary binary) {
		Operator operator = binary.operator();
		if (operator.isLogical()) {
			return connective(binary, operator == Operator.OR);
		}
		Object left = valueOf(binary.left());
		Object right = valueOf(binary.right());
		if (operator.isArithmetic()) {
			return (left instanceof BigDecimal l && right instanceof BigDecimal r) ? arithmetic(operator, l, r) : null;
		}
		if (left == null || right == null) {
			return false;
		}
		return switch (operator) {
			case EQUAL -> same(left, right);
			case NOT_EQUAL -> !same(left, right);
			default -> ordered(operator, left, right);
		};
	}

	/**
	 * {@code and} and {@code or}, lazily: the dominant value (false for and, true for or)
	 * on either side wins; otherwise an unknown side makes the result unknown.
	 */
	private Boolean connective(Binary binary, boolean dominant) {
		Boolean left = condition(binary.left());
		if (left != null && left == dominant) {
			return dominant;
		}
		Boolean right = condition(binary.right());
		if (right != null && right == dominant) {
			return dominant;
		}
		return (left != null && right != null) ? !dominant : null;
	}

	private static BigDecimal arithmetic(Operator operator, BigDecimal left, BigDecimal right) {
		return switch (operator) {
			case ADD -> left.add(right, CONTEXT);
			case SUBTRACT -> left.subtract(right, CONTEXT);
			case MULTIPLY -> left.multiply(right, CONTEXT);
			case DIVIDE -> (right.signum() == 0) ? null : left.divide(right, CONTEXT);
			default -> throw new IllegalStateException("not arithmetic: " + operator);
		};
	}

	/** Numbers compare by value (1.0 = 1), everything else exactly. */
	private static boolean same(Object left, Object right) {
		if (left instanceof BigDecimal l && right instanceof BigDecimal r) {
			return l.compareTo(r) == 0;
		}
		return left.equals(right);
	}

	private static boolean ordered(Operator operator, Object left, Object right) {
		int comparison;
		if (left instanceof BigDecimal l && right instanceof BigDecimal r) {
			comparison = l.compareTo(r);
		}
		else if (left instanceof java.time.LocalDate l && right instanceof java.time.LocalDate r) {
			comparison = l.compareTo(r);
		}
		else {
			return false;
		}
		return switch (operator) {
			case LESS -> comparison < 0;
			case LESS_EQUAL -> comparison <= 0;
			case GREATER -> comparison > 0;
			case GREATER_EQUAL -> comparison >= 0;
			default -> throw new IllegalStateException("not an ordering: " + operator);
		};
	}

	private Object callValue(Call call) {
		List<Node> arguments = call.arguments();
		return switch (call.function()) {
			case SUM -> sum(arguments);
			case ABS -> (number(arguments.get(0)) instanceof BigDecimal n) ? n.abs(CONTEXT) : null;
			case MIN -> extreme(arguments, -1);
			case MAX -> extreme(arguments, 1);
			case ROUND -> round(number(arguments.get(0)), number(arguments.get(1)));
			case IF -> {
				Boolean condition = condition(arguments.get(0));
				if (condition == null) {
					yield null;
				}
				yield valueOf(arguments.get(condition ? 1 : 2));
			}
			case COUNT -> count(((CodeRef) arguments.get(0)).code());
			case SELECTED -> selected(valueOf(arguments.get(0)), ((TextLiteral) arguments.get(1)).value());
			case ANSWERED -> answered(valueOf(arguments.get(0)));
		};
	}

	/** Unanswered counts as 0; a code of another repeat's items sums over the items. */
	private BigDecimal sum(List<Node> arguments) {
		BigDecimal total = BigDecimal.ZERO;
		for (Node argument : arguments) {
			BigDecimal term = (argument instanceof CodeRef ref && isOutsideItsRepeat(ref.code()))
					? sumOverItems(ref.code()) : termOf(valueOf(argument));
			if (term == null) {
				return null;
			}
			total = total.add(term, CONTEXT);
		}
		return total;
	}

	private boolean isOutsideItsRepeat(String code) {
		String repeat = this.values.repeatOf(code);
		return repeat != null && !repeat.equals(this.values.enclosingRepeat());
	}

	private BigDecimal sumOverItems(String code) {
		Object items = this.values.valueOf(this.values.repeatOf(code));
		if (items == null) {
			return BigDecimal.ZERO;
		}
		if (!(items instanceof Collection<?> list)) {
			return null;
		}
		BigDecimal total = BigDecimal.ZERO;
		for (Object item : list) {
			BigDecimal term = (item instanceof Map<?, ?> answers) ? termOf(normalized(answers.get(code))) : null;
			if (term == null) {
				return null;
			}
			total = total.add(term, CONTEXT);
		}
		return total;
	}

	/** A term of a sum: 0 when unanswered, null when not a number. */
	private static BigDecimal termOf(Object value) {
		if (value == null) {
			return BigDecimal.ZERO;
		}
		return (value instanceof BigDecimal n) ? n : null;
	}

	private BigDecimal extreme(List<Node> arguments, int sign) {
		BigDecimal result = null;
		for (Node argument : arguments) {
			BigDecimal n = number(argument);
			if (n == null) {
				return null;
			}
			if (result == null || Integer.signum(n.compareTo(result)) == sign) {
				result = n;
			}
		}
		return result;
	}

	/** Half up, as people round; digits must be a whole number from -20 to 20. */
	private static BigDecimal round(BigDecimal value, BigDecimal digits) {
		if (value == null || digits == null || digits.stripTrailingZeros().scale() > 0
				|| digits.abs().compareTo(BigDecimal.valueOf(MAX_ROUNDING_DIGITS)) > 0) {
			return null;
		}
		return value.setScale(digits.intValueExact(), RoundingMode.HALF_UP);
	}

	private BigDecimal count(String repeatCode) {
		return switch (normalized(this.values.valueOf(repeatCode))) {
			case null -> BigDecimal.ZERO;
			case Collection<?> items -> BigDecimal.valueOf(items.size());
			case BigDecimal n -> n;
			default -> null;
		};
	}

	private static boolean selected(Object value, String choice) {
		return switch (value) {
			case String code -> code.equals(choice);
			case Collection<?> codes -> codes.contains(choice);
			case null, default -> false;
		};
	}

	private static boolean answered(Object value) {
		return switch (value) {
			case null -> false;
			case String text -> !text.isBlank();
			case Collection<?> items -> !items.isEmpty();
			case Map<?, ?> item -> !item.isEmpty();
			default -> true;
		};
	}

}
