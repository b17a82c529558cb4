package fr.maillage.campaign;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * The responses of a territory to a campaign by status, for the tracking page. The target
 * is every structure with a response to the campaign; "submitted" counts the SUBMITTED
 * and VALIDATED ones, and RETURNED ones (sent back for correction) are counted apart. The
 * response rate is submitted over target; the validation rate is validated over submitted
 * (how far the reviewers are).
 */
public record Counts(int target, int notStarted, int inProgress, int submitted, int returned, int validated) {

	static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

	Counts plus(Counts other) {
		return new Counts(this.target + other.target, this.notStarted + other.notStarted,
				this.inProgress + other.inProgress, this.submitted + other.submitted, this.returned + other.returned,
				this.validated + other.validated);
	}

	/** Not submitted yet: not started, in progress or returned. */
	public int late() {
		return this.notStarted + this.inProgress + this.returned;
	}

	/** The response rate the French way ("42,5 %"), or null without any target. */
	public String responseRate() {
		return percent(this.submitted, this.target);
	}

	/** The validation rate the French way, or null when nothing is submitted. */
	public String validationRate() {
		return percent(this.validated, this.submitted);
	}

	/** A share the French way: at most one decimal, a narrow space before "%". */
	static String percent(int part, int whole) {
		if (whole == 0) {
			return null;
		}
		NumberFormat format = NumberFormat.getPercentInstance(Locale.FRANCE);
		format.setMaximumFractionDigits(1);
		return format.format((double) part / whole);
	}

}
