package fr.maillage.questionnaire.expression;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.questionnaire.expression.Token.Kind;

/**
 * Cuts an expression into tokens. Anything outside the language's few characters
 * ({@code $ # [ ` : ;} …) is refused here, so nothing exotic ever reaches the parser.
 */
final class Lexer {

	static final int MAX_NAME_LENGTH = 40;

	private final String source;

	private int position;

	private Lexer(String source) {
		this.source = source;
	}

	static List<Token> tokens(String source) {
		return new Lexer(source).all();
	}

	private List<Token> all() {
		List<Token> tokens = new ArrayList<>();
		Token token;
		do {
			token = next();
			tokens.add(token);
		}
		while (!token.is(Kind.END));
		return tokens;
	}

	private Token next() {
		skipWhitespace();
		int start = this.position;
		if (start >= this.source.length()) {
			return new Token(Kind.END, "", start + 1);
		}
		char c = this.source.charAt(start);
		if (isDigit(c)) {
			return number();
		}
		if (isLetter(c) || c == '_') {
			return name();
		}
		if (c == '\'') {
			return text();
		}
		this.position++;
		return switch (c) {
			case '.' -> {
				if (this.position < this.source.length() && isDigit(this.source.charAt(this.position))) {
					throw new ExpressionException("nombre mal écrit : un chiffre doit précéder le point", start + 1);
				}
				yield token(Kind.DOT, start);
			}
			case '(' -> token(Kind.LEFT_PAREN, start);
			case ')' -> token(Kind.RIGHT_PAREN, start);
			case ',' -> token(Kind.COMMA, start);
			case '+' -> token(Kind.PLUS, start);
			case '-' -> token(Kind.MINUS, start);
			case '*' -> token(Kind.STAR, start);
			case '/' -> token(Kind.SLASH, start);
			case '=' -> {
				if (follows('=')) {
					throw new ExpressionException("« == » n’existe pas : utilisez « = » pour comparer", start + 1);
				}
				yield token(Kind.EQUAL, start);
			}
			case '!' -> {
				if (!follows('=')) {
					throw unexpected(start);
				}
				this.position++;
				yield token(Kind.NOT_EQUAL, start);
			}
			case '<' -> {
				if (follows('=')) {
					this.position++;
					yield token(Kind.LESS_EQUAL, start);
				}
				yield token(Kind.LESS, start);
			}
			case '>' -> {
				if (follows('=')) {
					this.position++;
					yield token(Kind.GREATER_EQUAL, start);
				}
				yield token(Kind.GREATER, start);
			}
			default -> throw unexpected(start);
		};
	}

	private void skipWhitespace() {
		while (this.position < this.source.length()) {
			char c = this.source.charAt(this.position);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return;
			}
			this.position++;
		}
	}

	private boolean follows(char expected) {
		return this.position < this.source.length() && this.source.charAt(this.position) == expected;
	}

	private Token token(Kind kind, int start) {
		return new Token(kind, this.source.substring(start, this.position), start + 1);
	}

	private Token number() {
		int start = this.position;
		skipDigits();
		if (follows('.')) {
			this.position++;
			if (this.position >= this.source.length() || !isDigit(this.source.charAt(this.position))) {
				throw new ExpressionException("nombre mal écrit : un chiffre doit suivre le point", start + 1);
			}
			skipDigits();
		}
		if (this.position < this.source.length()) {
			char c = this.source.charAt(this.position);
			if (isLetter(c) || c == '_' || c == '.') {
				throw new ExpressionException("nombre mal écrit « " + this.source.substring(start, this.position + 1)
						+ " » (les décimales s’écrivent avec un point : 0.5)", start + 1);
			}
		}
		return token(Kind.NUMBER, start);
	}

	private void skipDigits() {
		while (this.position < this.source.length() && isDigit(this.source.charAt(this.position))) {
			this.position++;
		}
	}

	private Token name() {
		int start = this.position;
		while (this.position < this.source.length()) {
			char c = this.source.charAt(this.position);
			if (!isLetter(c) && !isDigit(c) && c != '_') {
				break;
			}
			this.position++;
		}
		String name = this.source.substring(start, this.position);
		if (!name.matches("[a-z][a-z0-9_]*")) {
			throw new ExpressionException(
					"nom invalide « " + name + " » : lettres minuscules, chiffres et _, en commençant par une lettre",
					start + 1);
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new ExpressionException("nom trop long « " + name + " » (" + MAX_NAME_LENGTH + " caractères au plus)",
					start + 1);
		}
		return new Token(Kind.NAME, name, start + 1);
	}

	/** A text in single quotes; two quotes stand for one ({@code 'l''accueil'}). */
	private Token text() {
		int start = this.position;
		this.position++;
		StringBuilder text = new StringBuilder();
		while (this.position < this.source.length()) {
			char c = this.source.charAt(this.position++);
			if (c == '\'') {
				if (!follows('\'')) {
					return new Token(Kind.TEXT, text.toString(), start + 1);
				}
				this.position++;
			}
			else if (c == '\n' || c == '\r') {
				break;
			}
			text.append(c);
		}
		throw new ExpressionException("texte non terminé : apostrophe fermante manquante", start + 1);
	}

	private ExpressionException unexpected(int start) {
		String character = Character.toString(this.source.codePointAt(start));
		return new ExpressionException("caractère inattendu « " + character + " »", start + 1);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
