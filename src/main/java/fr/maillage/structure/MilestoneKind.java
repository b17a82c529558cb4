package fr.maillage.structure;

import java.time.LocalDate;

/**
 * The steps of an approval's renewal, each due some months before the approval ends: the
 * diagnostic of the territory (started at 12 months, shared at 8), the debate with
 * inhabitants (6) and the Caf's commission (3).
 */
public enum MilestoneKind {

	DIAGNOSTIC_12(12), DIAGNOSTIC_8(8), DEBATE_6(6), COMMISSION_3(3);

	private final int monthsBeforeEnd;

	MilestoneKind(int monthsBeforeEnd) {
		this.monthsBeforeEnd = monthsBeforeEnd;
	}

	int monthsBeforeEnd() {
		return this.monthsBeforeEnd;
	}

	LocalDate dueOn(LocalDate approvalEnd) {
		return approvalEnd.minusMonths(this.monthsBeforeEnd);
	}

}
