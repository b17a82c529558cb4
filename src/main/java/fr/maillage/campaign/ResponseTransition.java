package fr.maillage.campaign;

import java.time.Instant;

/** One status change of a response, as kept in {@code response_transition}. */
record ResponseTransition(ResponseStatus from, ResponseStatus to, Long actorUserId, String message,
		Instant occurredAt) {
}
