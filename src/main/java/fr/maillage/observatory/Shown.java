package fr.maillage.observatory;

/**
 * A figure as a page shows it: its French text, or "secret statistique" with the reason,
 * or nothing ("—") when no structure contributed.
 *
 * @param text the value in French, null when secret or missing
 * @param suppression why it is secret, null otherwise
 */
public record Shown(String text, Figure.Suppression suppression) {

	static final Shown NONE = new Shown(null, null);

	static Shown of(Figure figure, Indicator indicator) {
		if (figure == null) {
			return NONE;
		}
		if (figure.secret()) {
			return new Shown(null, figure.suppression());
		}
		return new Shown(FigureFormat.value(figure.value(), indicator), null);
	}

	public boolean secret() {
		return this.suppression != null;
	}

	/** The message key explaining the suppression. */
	public String reasonKey() {
		return (this.suppression == Figure.Suppression.SECONDARY) ? "observatory.secret.secondary"
				: "observatory.secret.primary";
	}

}
