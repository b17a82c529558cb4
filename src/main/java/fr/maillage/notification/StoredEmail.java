package fr.maillage.notification;

import java.time.Instant;

/** A row of the outbox, as the sender and the "Courriels" page read it. */
record StoredEmail(long id, String messageId, String recipient, String subject, String bodyText, String bodyHtml,
		String template, EmailStatus status, int attempts, Instant nextAttemptAt, Instant claimedUntil,
		String lastError, Instant createdAt, Instant sentAt) {
}
