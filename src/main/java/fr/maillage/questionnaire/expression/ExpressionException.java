package fr.maillage.questionnaire.expression;

/**
 * An expression that cannot be parsed or does not type-check. The message is French and
 * meant for the author of the questionnaire definition; it names the column when known.
 */
public class ExpressionException extends RuntimeException {

	private final String reason;

	private final int column;

	ExpressionException(String reason, int column) {
		super((column > 0) ? reason + " en colonne " + column : reason);
		this.reason = reason;
		this.column = column;
	}

	/** The message without the column. */
	public String reason() {
		return this.reason;
	}

	/** The 1-based column of the problem in the expression, or 0 when not known. */
	public int column() {
		return this.column;
	}

}
