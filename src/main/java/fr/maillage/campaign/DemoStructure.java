package fr.maillage.campaign;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the demo answers of one structure derive from: its registry record, read by
 * {@link DemoCampaigns}.
 *
 * @param mainApprovals its main approvals (AG or EVS) as the registry records them,
 * oldest first
 * @param familyProject whether it holds an ACF approval; the demo registry records it
 * beside the current approval only, so a centre that has one is taken to have had it in
 * the past years too
 */
record DemoStructure(long id, boolean centreSocial, String departementCode, String communeName, boolean active,
		boolean associative, boolean urban, boolean nearQpv, boolean multiSite, int population, int servedCommunes,
		LocalDate firstApproval, List<Period> mainApprovals, boolean familyProject) {

	/** An approval's period. */
	record Period(LocalDate startsOn, LocalDate endsOn) {

		boolean covers(LocalDate day) {
			return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
		}

	}

	String kind() {
		return this.centreSocial ? "CS" : "EVS";
	}

	/**
	 * Whether the structure was approved during {@code year}: an approval recorded for
	 * that year, or a first approval before the registry's recorded history begins (the
	 * demo registry records the last two approval terms only, and its identity record the
	 * date of the first one).
	 */
	boolean approvedIn(int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		if (this.firstApproval != null && !this.firstApproval.isAfter(last)) {
			return true;
		}
		return this.mainApprovals.stream()
			.anyMatch(period -> !period.startsOn().isAfter(last) && !period.endsOn().isBefore(first));
	}

	/**
	 * The end of the main approval in force on {@code day}. Before the recorded history,
	 * the terms before the oldest recorded one are taken to have had its length.
	 */
	LocalDate approvalEndOn(LocalDate day) {
		for (Period period : this.mainApprovals) {
			if (period.covers(day)) {
				return period.endsOn();
			}
		}
		Period oldest = this.mainApprovals.getFirst();
		if (day.isAfter(oldest.endsOn())) {
			return this.mainApprovals.getLast().endsOn();
		}
		long months = ChronoUnit.MONTHS.between(oldest.startsOn(), oldest.endsOn().plusDays(1));
		LocalDate end = oldest.startsOn().minusDays(1);
		while (!end.minusMonths(months).isBefore(day)) {
			end = end.minusMonths(months);
		}
		return end;
	}

}
