package fr.maillage.questionnaire.expression;

/** Binary operators, with the French verb used in type errors. */
enum Operator {

	OR("or", null), AND("and", null), EQUAL("=", "comparer"), NOT_EQUAL("!=", "comparer"), LESS("<", "comparer"),
	LESS_EQUAL("<=", "comparer"), GREATER(">", "comparer"), GREATER_EQUAL(">=", "comparer"), ADD("+", "additionner"),
	SUBTRACT("-", "soustraire"), MULTIPLY("*", "multiplier"), DIVIDE("/", "diviser");

	private final String symbol;

	private final String verb;

	Operator(String symbol, String verb) {
		this.symbol = symbol;
		this.verb = verb;
	}

	String symbol() {
		return this.symbol;
	}

	String verb() {
		return this.verb;
	}

	boolean isLogical() {
		return this == OR || this == AND;
	}

	boolean isEquality() {
		return this == EQUAL || this == NOT_EQUAL;
	}

	boolean isOrdering() {
		return this == LESS || this == LESS_EQUAL || this == GREATER || this == GREATER_EQUAL;
	}

	boolean isArithmetic() {
		return this == ADD || this == SUBTRACT || this == MULTIPLY || this == DIVIDE;
	}

}
