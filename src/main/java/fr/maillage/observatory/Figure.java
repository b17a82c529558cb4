package fr.maillage.observatory;

import java.math.BigDecimal;

/**
 * One figure: an indicator's value for a territory, a data year and a kind of structure.
 *
 * @param kinds {@code ALL}, {@code CS} or {@code EVS}
 * @param value null when the figure is secret ({@link #suppression()} says why)
 * @param contributors the structures it is computed from
 */
public record Figure(String indicator, String kinds, BigDecimal value, int contributors, Suppression suppression) {

	public static final String ALL = "ALL";

	public boolean secret() {
		return this.suppression != null;
	}

	/** Why a figure is not shown as a number (statistical confidentiality). */
	public enum Suppression {

		/** Computed from fewer structures than the threshold. */
		PRIMARY,
		/**
		 * Hidden so that another secret figure cannot be derived by subtraction from the
		 * published ones.
		 */
		SECONDARY

	}

}
