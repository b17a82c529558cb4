package fr.maillage.notification;

/** Where a message of the outbox stands. */
enum EmailStatus {

	/** Waiting to be sent, from its {@code next_attempt_at} on. */
	PENDING,
	/**
	 * Claimed by a sender until its {@code claimed_until}; if that sender dies, another
	 * one takes it after that time.
	 */
	SENDING,
	/** Accepted by the SMTP server. */
	SENT,
	/** Given up after too many failures; kept for the "Courriels" page. */
	FAILED

}
