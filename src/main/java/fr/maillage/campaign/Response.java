package fr.maillage.campaign;

import java.time.Instant;

/**
 * A structure's response to a campaign: the aggregate that owns its status (ADR 20). Each
 * transition is one method that checks the current status against {@link ResponseAction},
 * throws {@link IllegalTransitionException} when it does not allow it, changes the state,
 * remembers the transition for the history, and returns the event to publish. No
 * persistence nor framework here: {@link Responses} loads, saves and publishes.
 */
final class Response {

	/** The longest return message or un-validation reason kept. */
	static final int MAX_MESSAGE = 2000;

	private final long id;

	private final long campaignId;

	private final long structureId;

	private final int dataYear;

	private final int version;

	private ResponseStatus status;

	private Instant submittedAt;

	private Instant validatedAt;

	private String lastMessage;

	private ResponseTransition transition;

	Response(long id, long campaignId, long structureId, int dataYear, ResponseStatus status, int version,
			Instant submittedAt, Instant validatedAt, String lastMessage) {
		this.id = id;
		this.campaignId = campaignId;
		this.structureId = structureId;
		this.dataYear = dataYear;
		this.status = status;
		this.version = version;
		this.submittedAt = submittedAt;
		this.validatedAt = validatedAt;
		this.lastMessage = lastMessage;
	}

	/**
	 * NOT_STARTED → IN_PROGRESS, when the first value is saved. No event: nobody waits on
	 * it.
	 */
	void start(Long actor, Instant at) {
		move(ResponseAction.START, actor, at, null);
	}

	/** IN_PROGRESS or RETURNED → SUBMITTED. */
	ResponseSubmitted submit(Long actor, Instant at) {
		move(ResponseAction.SUBMIT, actor, at, null);
		this.submittedAt = at;
		return new ResponseSubmitted(this.id, this.campaignId, this.structureId, this.dataYear, actor, at);
	}

	/** SUBMITTED → RETURNED, with the message the structure will read (required). */
	ResponseReturned returnForCorrection(String message, Long actor, Instant at) {
		String text = required(message, "response.error.message-required");
		move(ResponseAction.RETURN, actor, at, text);
		this.lastMessage = text;
		return new ResponseReturned(this.id, this.campaignId, this.structureId, this.dataYear, actor, at, text);
	}

	/** SUBMITTED → VALIDATED. */
	ResponseValidated validate(Long actor, Instant at) {
		move(ResponseAction.VALIDATE, actor, at, null);
		this.validatedAt = at;
		return new ResponseValidated(this.id, this.campaignId, this.structureId, this.dataYear, actor, at);
	}

	/** VALIDATED → SUBMITTED, with the reason (required). */
	ResponseUnvalidated unvalidate(String reason, Long actor, Instant at) {
		String text = required(reason, "response.error.reason-required");
		move(ResponseAction.UNVALIDATE, actor, at, text);
		this.validatedAt = null;
		this.lastMessage = text;
		return new ResponseUnvalidated(this.id, this.campaignId, this.structureId, this.dataYear, actor, at, text);
	}

	private void move(ResponseAction action, Long actor, Instant at, String message) {
		if (this.transition != null) {
			// One transition per load: the version check covers exactly one change.
			throw new IllegalStateException("Response " + this.id + " already moved in this unit of work");
		}
		if (!action.allowedFrom(this.status)) {
			throw new IllegalTransitionException(this.status, action);
		}
		this.transition = new ResponseTransition(this.status, action.to(), actor, message, at);
		this.status = action.to();
	}

	private static String required(String text, String key) {
		if (text == null || text.isBlank()) {
			throw new TransitionRefusedException("A message is required", key);
		}
		String stripped = text.strip();
		if (stripped.length() > MAX_MESSAGE) {
			throw new TransitionRefusedException("Message too long", "response.error.message-too-long", MAX_MESSAGE);
		}
		return stripped;
	}

	long id() {
		return this.id;
	}

	long campaignId() {
		return this.campaignId;
	}

	long structureId() {
		return this.structureId;
	}

	int dataYear() {
		return this.dataYear;
	}

	/** The version read; a save expects it unchanged in the database. */
	int version() {
		return this.version;
	}

	ResponseStatus status() {
		return this.status;
	}

	Instant submittedAt() {
		return this.submittedAt;
	}

	Instant validatedAt() {
		return this.validatedAt;
	}

	String lastMessage() {
		return this.lastMessage;
	}

	/** The transition made since loading, if any: the history row to write. */
	ResponseTransition transition() {
		return this.transition;
	}

	ResponseSummary summary() {
		return new ResponseSummary(this.id, this.campaignId, this.structureId, this.dataYear, this.status, this.version,
				this.lastMessage);
	}

}
