package fr.maillage.campaign;

import java.time.Instant;

/** Published when a reviewer validated a response: its figures count. */
public record ResponseValidated(long responseId, long campaignId, long structureId, int dataYear, Long actorUserId,
		Instant occurredAt) {
}
