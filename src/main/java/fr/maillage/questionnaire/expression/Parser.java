package fr.maillage.questionnaire.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
import fr.maillage.questionnaire.expression.Token.Kind;

/**
 * Recursive descent, one method per precedence level, lowest first: {@code or},
 * {@code and}, {@code not}, comparisons (not chained), {@code + -}, {@code * /}, unary
 * {@code -}, then literals, codes, {@code .}, calls and parentheses.
 */
final class Parser {

	static final int MAX_LENGTH = 2_000;

	static final int MAX_DEPTH = 50;

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false", "null");

	private final List<Token> tokens;

	private final boolean currentValueAllowed;

	private int position;

	private int depth;

	private Parser(List<Token> tokens, boolean currentValueAllowed) {
		this.tokens = tokens;
		this.currentValueAllowed = currentValueAllowed;
	}

	static Node parse(String source, boolean currentValueAllowed) {
		if (source == null || source.isBlank()) {
			throw new ExpressionException("expression vide", 0);
		}
		if (source.length() > MAX_LENGTH) {
			throw new ExpressionException("expression trop longue (2 000 caractères au plus)", 0);
		}
		Parser parser = new Parser(Lexer.tokens(source), currentValueAllowed);
		Node root = parser.or();
		if (!parser.peek().is(Kind.END)) {
			throw parser.unexpected(parser.peek());
		}
		return root;
	}

	private Node or() {
		Node left = and();
		while (peek().isName("or")) {
			int column = advance().column();
			left = new Binary(Operator.OR, left, and(), column);
		}
		return left;
	}

	private Node and() {
		Node left = not();
		while (peek().isName("and")) {
			int column = advance().column();
			left = new Binary(Operator.AND, left, not(), column);
		}
		return left;
	}

	private Node not() {
		if (!peek().isName("not")) {
			return comparison();
		}
		int column = advance().column();
		enter(column);
		Node operand = not();
		this.depth--;
		return new Not(operand, column);
	}

	private Node comparison() {
		Node left = additive();
		Operator operator = comparisonOperator(peek());
		if (operator == null) {
			return left;
		}
		int column = advance().column();
		Node comparison = new Binary(operator, left, additive(), column);
		if (comparisonOperator(peek()) != null) {
			throw new ExpressionException("comparaisons enchaînées : reliez-les par « and »", peek().column());
		}
		return comparison;
	}

	private static Operator comparisonOperator(Token token) {
		return switch (token.kind()) {
			case EQUAL -> Operator.EQUAL;
			case NOT_EQUAL -> Operator.NOT_EQUAL;
			case LESS -> Operator.LESS;
			case LESS_EQUAL -> Operator.LESS_EQUAL;
			case GREATER -> Operator.GREATER;
			case GREATER_EQUAL -> Operator.GREATER_EQUAL;
			default -> null;
		};
	}

	private Node additive() {
		Node left = multiplicative();
		while (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
			Token token = advance();
			Operator operator = token.is(Kind.PLUS) ? Operator.ADD : Operator.SUBTRACT;
			left = new Binary(operator, left, multiplicative(), token.column());
		}
		return left;
	}

	private Node multiplicative() {
		Node left = unary();
		while (peek().is(Kind.STAR) || peek().is(Kind.SLASH)) {
			Token token = advance();
			Operator operator = token.is(Kind.STAR) ? Operator.MULTIPLY : Operator.DIVIDE;
			left = new Binary(operator, left, unary(), token.column());
		}
		return left;
	}

	private Node unary() {
		if (!peek().is(Kind.MINUS)) {
			return primary();
		}
		int column = advance().column();
		enter(column);
		Node operand = unary();
		this.depth--;
		return new Negate(operand, column);
	}

	private Node primary() {
		Token token = advance();
		return switch (token.kind()) {
			case NUMBER -> new NumberLiteral(new BigDecimal(token.text()), token.column());
			case TEXT -> new TextLiteral(token.text(), token.column());
			case DOT -> currentValue(token);
			case LEFT_PAREN -> parenthesised(token);
			case NAME -> name(token);
			default -> throw unexpected(token);
		};
	}

	private Node currentValue(Token token) {
		if (!this.currentValueAllowed) {
			throw new ExpressionException("« . » (la valeur vérifiée) n’est permis que dans une contrainte",
					token.column());
		}
		return new CurrentValue(token.column());
	}

	private Node parenthesised(Token open) {
		enter(open.column());
		Node inner = or();
		expectClosingParenthesis();
		this.depth--;
		return inner;
	}

	private Node name(Token token) {
		String name = token.text();
		switch (name) {
			case "true":
				return new BooleanLiteral(true, token.column());
			case "false":
				return new BooleanLiteral(false, token.column());
			case "null":
				return new NullLiteral(token.column());
			default:
				if (KEYWORDS.contains(name)) {
					throw unexpected(token);
				}
		}
		if (!peek().is(Kind.LEFT_PAREN)) {
			return new CodeRef(name, token.column());
		}
		BuiltinFunction function = BuiltinFunction.named(name)
			.orElseThrow(() -> new ExpressionException("fonction inconnue « " + name + " »", token.column()));
		return call(function, token.column());
	}

	private Node call(BuiltinFunction function, int column) {
		enter(column);
		advance();
		List<Node> arguments = new ArrayList<>();
		if (!peek().is(Kind.RIGHT_PAREN)) {
			arguments.add(or());
			while (peek().is(Kind.COMMA)) {
				advance();
				arguments.add(or());
			}
		}
		expectClosingParenthesis();
		this.depth--;
		String arityProblem = function.arityProblem(arguments.size());
		if (arityProblem != null) {
			throw new ExpressionException(arityProblem, column);
		}
		checkArgumentForms(function, arguments);
		return new Call(function, List.copyOf(arguments), column);
	}

	/** Functions that read a question itself, not a value, take its code as written. */
	private static void checkArgumentForms(BuiltinFunction function, List<Node> arguments) {
		switch (function) {
			case COUNT -> {
				if (!(arguments.get(0) instanceof CodeRef)) {
					throw new ExpressionException("« count » attend le code d’une répétition",
							arguments.get(0).column());
				}
			}
			case ANSWERED -> requireQuestion(function, arguments.get(0));
			case SELECTED -> {
				requireQuestion(function, arguments.get(0));
				if (!(arguments.get(1) instanceof TextLiteral)) {
					throw new ExpressionException("« selected » attend un code de choix entre apostrophes, comme 'caf'",
							arguments.get(1).column());
				}
			}
			default -> {
			}
		}
	}

	private static void requireQuestion(BuiltinFunction function, Node argument) {
		if (!(argument instanceof CodeRef) && !(argument instanceof CurrentValue)) {
			throw new ExpressionException("« " + function.functionName() + " » attend le code d’une question",
					argument.column());
		}
	}

	private void expectClosingParenthesis() {
		Token token = peek();
		if (token.is(Kind.RIGHT_PAREN)) {
			advance();
			return;
		}
		if (token.is(Kind.END) || token.is(Kind.COMMA)) {
			throw new ExpressionException("parenthèse fermante manquante", token.column());
		}
		throw unexpected(token);
	}

	private void enter(int column) {
		this.depth++;
		if (this.depth > MAX_DEPTH) {
			throw new ExpressionException("expression trop imbriquée (" + MAX_DEPTH + " niveaux au plus)", column);
		}
	}

	private Token peek() {
		return this.tokens.get(this.position);
	}

	private Token advance() {
		Token token = peek();
		if (!token.is(Kind.END)) {
			this.position++;
		}
		return token;
	}

	private ExpressionException unexpected(Token token) {
		return switch (token.kind()) {
			case END -> new ExpressionException("fin d’expression inattendue", token.column());
			case DOT -> new ExpressionException(
					"symbole inattendu « . » (ni appel de méthode ni accès à un champ dans une expression)",
					token.column());
			default -> new ExpressionException("symbole inattendu « " + shown(token) + " »", token.column());
		};
	}

	private static String shown(Token token) {
		return token.is(Kind.TEXT) ? "'" + token.text() + "'" : token.text();
	}

}
