package fr.maillage.questionnaire.expression;

/** A lexical token; {@code column} is 1-based. */
record Token(Kind kind, String text, int column) {

	enum Kind {

		NUMBER, TEXT, NAME, DOT, LEFT_PAREN, RIGHT_PAREN, COMMA, PLUS, MINUS, STAR, SLASH, EQUAL, NOT_EQUAL, LESS,
		LESS_EQUAL, GREATER, GREATER_EQUAL, END

	}

	boolean is(Kind other) {
		return this.kind == other;
	}

	boolean isName(String name) {
		return this.kind == Kind.NAME && this.text.equals(name);
	}

}
