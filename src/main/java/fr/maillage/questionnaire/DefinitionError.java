package fr.maillage.questionnaire;

/**
 * A problem of a definition, and where it is: the part of the definition it concerns, its
 * line (1-based; 0 for the whole file or part) and the field (a YAML key, or a workbook
 * column) when one is to blame. A YAML file is one text, so its line is enough; a
 * workbook has a sheet per part and a column per field, which
 * {@link WorkbookDefinitionReader#describe} adds.
 */
public record DefinitionError(Part part, int line, String field, String message) {

	/** A problem of a YAML file, at its line. */
	DefinitionError(int line, String message) {
		this(Part.FILE, line, null, message);
	}

	/** Where in a definition a problem is. */
	public enum Part {

		/** The file as a whole: not readable, missing pieces. */
		FILE,
		/** Format, family code, version and title. */
		HEADER,
		/** Sections and their questions. */
		SECTIONS,
		/** The choice lists. */
		CHOICES,
		/** The cross-field rules. */
		RULES

	}

	@Override
	public String toString() {
		return (this.line > 0) ? "ligne " + this.line + " : " + this.message : this.message;
	}

}
