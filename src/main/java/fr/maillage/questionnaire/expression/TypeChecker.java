package fr.maillage.questionnaire.expression;

import java.util.List;

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
 * Gives each node its type, or throws the first type error. A null type is the literal
 * {@code null}, which fits anywhere.
 */
final class TypeChecker {

	static final String NOT_A_CONDITION = "la condition doit être vraie ou fausse";

	private final TypeEnvironment environment;

	TypeChecker(TypeEnvironment environment) {
		this.environment = environment;
	}

	ValueType typeOf(Node node) {
		return switch (node) {
			case NumberLiteral literal -> ValueType.NUMBER;
			case TextLiteral literal -> ValueType.TEXT;
			case BooleanLiteral literal -> ValueType.BOOLEAN;
			case NullLiteral literal -> null;
			case CurrentValue current -> currentValueType(current);
			case CodeRef ref -> codeType(ref, false);
			case Not not -> {
				requireCondition(not.operand());
				yield ValueType.BOOLEAN;
			}
			case Negate negate -> {
				ValueType type = typeOf(negate.operand());
				if (type != null && type != ValueType.NUMBER) {
					throw new ExpressionException("le signe « - » s’applique à un nombre, pas à " + type.withArticle(),
							negate.column());
				}
				yield ValueType.NUMBER;
			}
			case Binary binary -> binaryType(binary);
			case Call call -> callType(call);
		};
	}

	private ValueType currentValueType(CurrentValue current) {
		ValueType type = this.environment.currentValueType();
		if (type == null) {
			throw new ExpressionException("« . » (la valeur vérifiée) n’est permis que dans une contrainte",
					current.column());
		}
		return type;
	}

	/**
	 * A code's type, within the scope rules: a repeat group only in {@code count()} and
	 * {@code answered()}; a code of another repeat's items only in {@code sum()}.
	 */
	private ValueType codeType(CodeRef ref, boolean inSum) {
		String code = ref.code();
		ValueType type = this.environment.typeOf(code);
		if (type == null) {
			throw new ExpressionException("code inconnu « " + code + " »", ref.column());
		}
		if (type == ValueType.REPEAT) {
			throw new ExpressionException("« " + code + " » est une répétition : utilisez count(" + code + ")",
					ref.column());
		}
		String repeat = this.environment.repeatOf(code);
		if (!inSum && repeat != null && !repeat.equals(this.environment.enclosingRepeat())) {
			throw new ExpressionException(
					"« " + code + " » est une question de la répétition « " + repeat
							+ " » : hors de celle-ci, utilisez sum(" + code + ") ou count(" + repeat + ")",
					ref.column());
		}
		return type;
	}

	private void requireCondition(Node node) {
		ValueType type = typeOf(node);
		if (type != null && type != ValueType.BOOLEAN) {
			throw new ExpressionException(NOT_A_CONDITION, node.column());
		}
	}

	private ValueType binaryType(Binary binary) {
		Operator operator = binary.operator();
		if (operator.isLogical()) {
			requireCondition(binary.left());
			requireCondition(binary.right());
			return ValueType.BOOLEAN;
		}
		ValueType left = typeOf(binary.left());
		ValueType right = typeOf(binary.right());
		if (operator.isArithmetic()) {
			if ((left != null && left != ValueType.NUMBER) || (right != null && right != ValueType.NUMBER)) {
				throw mismatch(operator.verb(), left, right, binary.column());
			}
			return ValueType.NUMBER;
		}
		if (left != null && right != null && left != right) {
			throw mismatch(operator.verb(), left, right, binary.column());
		}
		ValueType type = (left != null) ? left : right;
		if (type == ValueType.CHOICES) {
			throw new ExpressionException("on ne peut pas comparer un ensemble de choix : utilisez selected()",
					binary.column());
		}
		if (operator.isOrdering() && type != null && type != ValueType.NUMBER && type != ValueType.DATE) {
			throw new ExpressionException(
					"« " + operator.symbol() + " » compare des nombres ou des dates, pas " + type.withArticle(),
					binary.column());
		}
		return ValueType.BOOLEAN;
	}

	private static ExpressionException mismatch(String verb, ValueType left, ValueType right, int column) {
		String operands;
		if (left == right) {
			operands = left.twoOf();
		}
		else if (left == null || right == null) {
			operands = ((left != null) ? left : right).withArticle() + " et null";
		}
		else {
			operands = left.withArticle() + " et " + right.withArticle();
		}
		return new ExpressionException("on ne peut pas " + verb + " " + operands, column);
	}

	private ValueType callType(Call call) {
		List<Node> arguments = call.arguments();
		String name = call.function().functionName();
		return switch (call.function()) {
			case SUM -> {
				for (Node argument : arguments) {
					ValueType type = (argument instanceof CodeRef ref) ? codeType(ref, true) : typeOf(argument);
					requireNumber(name, type, argument);
				}
				yield ValueType.NUMBER;
			}
			case ABS, MIN, MAX, ROUND -> {
				for (Node argument : arguments) {
					requireNumber(name, typeOf(argument), argument);
				}
				yield ValueType.NUMBER;
			}
			case IF -> ifType(call);
			case COUNT -> {
				CodeRef ref = (CodeRef) arguments.get(0);
				if (this.environment.typeOf(ref.code()) != ValueType.REPEAT) {
					codeType(ref, false);
					throw new ExpressionException(
							"« count » compte les éléments d’une répétition ; « " + ref.code() + " » n’en est pas une",
							ref.column());
				}
				yield ValueType.NUMBER;
			}
			case SELECTED -> {
				Node question = arguments.get(0);
				ValueType type = typeOf(question);
				if (type != ValueType.TEXT && type != ValueType.CHOICES) {
					throw new ExpressionException("« selected » s’applique à une question à choix", question.column());
				}
				yield ValueType.BOOLEAN;
			}
			case ANSWERED -> {
				Node question = arguments.get(0);
				if (!(question instanceof CodeRef ref && this.environment.typeOf(ref.code()) == ValueType.REPEAT)) {
					typeOf(question);
				}
				yield ValueType.BOOLEAN;
			}
		};
	}

	private static void requireNumber(String function, ValueType type, Node argument) {
		if (type != null && type != ValueType.NUMBER) {
			throw new ExpressionException("« " + function + " » attend des nombres, pas " + type.withArticle(),
					argument.column());
		}
	}

	private ValueType ifType(Call call) {
		requireCondition(call.arguments().get(0));
		ValueType then = typeOf(call.arguments().get(1));
		ValueType otherwise = typeOf(call.arguments().get(2));
		if (then != null && otherwise != null && then != otherwise) {
			throw new ExpressionException("les deux branches de « if » doivent être du même type, pas "
					+ then.withArticle() + " et " + otherwise.withArticle(), call.column());
		}
		return (then != null) ? then : otherwise;
	}

}
