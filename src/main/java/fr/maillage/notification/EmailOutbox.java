package fr.maillage.notification;

/**
 * Queues an e-mail in the caller's transaction: it is sent if and only if the change that
 * caused it commits, and never lost once committed.
 */
public interface EmailOutbox {

	/**
	 * Renders {@code email} now (French templates {@code templates/mail/<template>.txt}
	 * and {@code .html}, subject {@code mail.<template>.subject} in the message bundle)
	 * and stores it for the sender. Must be called inside a transaction.
	 * @return the id of the outbox row
	 * @throws IllegalStateException if no transaction is active
	 * @throws IllegalArgumentException if {@code to} is not an e-mail address
	 */
	long enqueue(OutgoingEmail email);

}
