package fr.maillage.campaign;

import java.time.Instant;

/** Published when a structure submitted its response (first time or after a return). */
public record ResponseSubmitted(long responseId, long campaignId, long structureId, int dataYear, Long actorUserId,
		Instant occurredAt) {
}
