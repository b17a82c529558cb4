package fr.maillage.questionnaire.expression;

import java.math.BigDecimal;
import java.util.List;

/** The syntax tree; every node keeps the 1-based column where it starts, for messages. */
sealed interface Node {

	int column();

	record NumberLiteral(BigDecimal value, int column) implements Node {
	}

	record TextLiteral(String value, int column) implements Node {
	}

	record BooleanLiteral(boolean value, int column) implements Node {
	}

	record NullLiteral(int column) implements Node {
	}

	/** {@code .}: the value being checked, in a constraint. */
	record CurrentValue(int column) implements Node {
	}

	/** A question code. */
	record CodeRef(String code, int column) implements Node {
	}

	record Not(Node operand, int column) implements Node {
	}

	record Negate(Node operand, int column) implements Node {
	}

	record Binary(Operator operator, Node left, Node right, int column) implements Node {
	}

	record Call(BuiltinFunction function, List<Node> arguments, int column) implements Node {
	}

}
