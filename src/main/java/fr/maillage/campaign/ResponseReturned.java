package fr.maillage.campaign;

import java.time.Instant;

/** Published when a reviewer returned a response for correction, with a message. */
public record ResponseReturned(long responseId, long campaignId, long structureId, int dataYear, Long actorUserId,
		Instant occurredAt, String message) {
}
