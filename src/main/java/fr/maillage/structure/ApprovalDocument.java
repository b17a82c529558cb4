package fr.maillage.structure;

import java.time.Instant;

/** A document of a social project, without its content. */
public record ApprovalDocument(long id, long approvalId, String fileName, String mediaType, int sizeBytes,
		Instant uploadedAt) {
}
