package fr.maillage.questionnaire;

/** A problem of a definition file, at its line (1-based; 0 for the whole file). */
public record DefinitionError(int line, String message) {

	@Override
	public String toString() {
		return (this.line > 0) ? "ligne " + this.line + " : " + this.message : this.message;
	}

}
