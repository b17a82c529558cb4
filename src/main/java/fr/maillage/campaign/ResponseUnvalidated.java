package fr.maillage.campaign;

import java.time.Instant;

/**
 * Published when a reviewer withdrew a validation, with a reason; the response is
 * submitted again.
 */
public record ResponseUnvalidated(long responseId, long campaignId, long structureId, int dataYear, Long actorUserId,
		Instant occurredAt, String reason) {
}
