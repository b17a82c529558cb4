package fr.maillage.campaign;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A campaign: one data year's collection, answered against one questionnaire version;
 * {@code openedAt} is set once a national administrator opened it (its responses created
 * and its invitations sent).
 */
public record Campaign(long id, int dataYear, LocalDate opensOn, LocalDate closesOn, long questionnaireVersionId,
		Instant openedAt) {

	/** Whether it was opened. */
	public boolean opened() {
		return this.openedAt != null;
	}

}
