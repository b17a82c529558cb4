package fr.maillage.structure;

import java.time.LocalDate;
import java.util.List;

/**
 * An approval (agrément) of a structure and the social project it approves.
 *
 * @param kindCode reference data ({@code approval_kind}): AG, ACF, EVS…
 * @param main whether it is a main approval (AG, EVS), the one shown as current
 */
public record Approval(long id, long structureId, String kindCode, boolean main, LocalDate startsOn, LocalDate endsOn,
		LocalDate decidedOn, String decisionBody, List<String> projectAxes, String projectSummary) {

	public Approval {
		projectAxes = List.copyOf(projectAxes);
	}

	/** Whether it has ended on {@code today} (its last day is {@code endsOn}). */
	public boolean endedOn(LocalDate today) {
		return this.endsOn.isBefore(today);
	}

	/** Whether it is in force on {@code today}. */
	public boolean validOn(LocalDate today) {
		return !this.startsOn.isAfter(today) && !endedOn(today);
	}

}
