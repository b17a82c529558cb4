package fr.maillage.structure;

import java.time.LocalDate;

/**
 * Where a structure's approval stands, as the public sees it: its latest main approval
 * ({@code structure_main_approval}), without its documents nor milestones.
 *
 * @param kindCode {@code AG}, {@code EVS}… ({@code approval_kind})
 * @param startsOn its first day
 * @param endsOn its last day
 */
record CurrentApproval(String kindCode, LocalDate startsOn, LocalDate endsOn) {

	/** Whether it ended before {@code today}: the structure awaits its renewal. */
	boolean endedBefore(LocalDate today) {
		return this.endsOn.isBefore(today);
	}

}
