package fr.maillage.observatory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Figures written the French way, in their unit: "1 234", "12,5 %", "3 500 €", "2,4 ETP".
 * Pages, exports and charts use it, so a figure reads the same everywhere.
 */
public final class FigureFormat {

	private FigureFormat() {
	}

	/** A value in its indicator's unit; null for no value. */
	public static String value(BigDecimal value, Indicator indicator) {
		if (value == null) {
			return null;
		}
		String number = number(value, indicator.unit().decimals());
		return switch (indicator.unit()) {
			case POURCENT -> number + "\u00a0%";
			case EUROS -> number + "\u00a0€";
			case ETP -> number + "\u00a0ETP";
			case HEURES -> number + "\u00a0h";
			default -> number;
		};
	}

	/** A number with this many decimals, grouped by thousands. */
	public static String number(BigDecimal value, int decimals) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value.setScale(decimals, RoundingMode.HALF_UP));
	}

	/**
	 * The change from last year: in points for a percentage, in % of last year's value
	 * otherwise; null when either is missing or last year's is 0.
	 */
	public static String change(BigDecimal now, BigDecimal before, Indicator indicator) {
		if (now == null || before == null) {
			return null;
		}
		if (indicator.unit() == Indicator.Unit.POURCENT) {
			BigDecimal points = now.subtract(before);
			return signed(points, 1) + "\u00a0pt";
		}
		if (before.signum() == 0) {
			return null;
		}
		BigDecimal percent = now.subtract(before)
			.multiply(BigDecimal.valueOf(100))
			.divide(before.abs(), MathContext.DECIMAL64);
		return signed(percent, 1) + "\u00a0%";
	}

	private static String signed(BigDecimal value, int decimals) {
		BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
		String text = number(rounded.abs(), decimals);
		if (rounded.signum() > 0) {
			return "+" + text;
		}
		return (rounded.signum() < 0) ? "\u2212" + text : text;
	}

}
