package fr.maillage.structure;

import java.time.LocalDate;

/**
 * A renewal milestone of a main approval.
 *
 * @param doneOn the day it was done, {@code null} while open
 */
public record RenewalMilestone(long id, long approvalId, MilestoneKind kind, LocalDate dueOn, LocalDate doneOn,
		String note) {

	public boolean open() {
		return this.doneOn == null;
	}

	/** Open and past its due date. */
	public boolean lateOn(LocalDate today) {
		return open() && this.dueOn.isBefore(today);
	}

}
