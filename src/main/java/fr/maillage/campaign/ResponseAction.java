package fr.maillage.campaign;

import java.util.EnumSet;
import java.util.Set;

import static fr.maillage.campaign.ResponseStatus.IN_PROGRESS;
import static fr.maillage.campaign.ResponseStatus.NOT_STARTED;
import static fr.maillage.campaign.ResponseStatus.RETURNED;
import static fr.maillage.campaign.ResponseStatus.SUBMITTED;
import static fr.maillage.campaign.ResponseStatus.VALIDATED;

/**
 * The transitions of a response: the statuses each one leaves from, and the one it leads
 * to. This table is the whole state machine (ADR 20).
 */
public enum ResponseAction {

	/** The first saved value. */
	START(IN_PROGRESS, NOT_STARTED),
	/** The structure submits (again, after a return). */
	SUBMIT(SUBMITTED, IN_PROGRESS, RETURNED),
	/** A reviewer sends it back with a message. */
	RETURN(RETURNED, SUBMITTED),
	/** A reviewer validates it. */
	VALIDATE(VALIDATED, SUBMITTED),
	/** A reviewer withdraws a validation, with a reason. */
	UNVALIDATE(SUBMITTED, VALIDATED);

	private final ResponseStatus to;

	private final Set<ResponseStatus> from;

	ResponseAction(ResponseStatus to, ResponseStatus first, ResponseStatus... others) {
		this.to = to;
		this.from = EnumSet.of(first, others);
	}

	public ResponseStatus to() {
		return this.to;
	}

	public boolean allowedFrom(ResponseStatus status) {
		return this.from.contains(status);
	}

}
