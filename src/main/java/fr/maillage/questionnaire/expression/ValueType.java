package fr.maillage.questionnaire.expression;

/** The types of values an expression handles, with their French names for messages. */
public enum ValueType {

	/** Integer, decimal, money, percentage and full-time equivalents. */
	NUMBER("un nombre", "deux nombres"),
	/** Yes / no questions and conditions. */
	BOOLEAN("un oui/non", "deux oui/non"),
	/** Short and long texts, and the code of a single choice. */
	TEXT("un texte", "deux textes"),
	/** Dates. */
	DATE("une date", "deux dates"),
	/** The set of codes of a multiple choice. */
	CHOICES("un ensemble de choix", "deux ensembles de choix"),
	/** A repeat group: only {@code count()} and {@code answered()} take it. */
	REPEAT("une répétition", "deux répétitions");

	private final String one;

	private final String two;

	ValueType(String one, String two) {
		this.one = one;
		this.two = two;
	}

	/** "un nombre": for messages. */
	public String withArticle() {
		return this.one;
	}

	/** "deux nombres": for messages about two values of the same type. */
	String twoOf() {
		return this.two;
	}

}
