package fr.maillage.notification;

import java.time.Clock;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes e-mails to the outbox in the caller's transaction: they exist, and will be sent,
 * exactly when the change that caused them commits.
 */
@Service
class TransactionalEmailOutbox implements EmailOutbox {

	private final OutboxRepository outbox;

	private final MailRenderer renderer;

	private final Clock clock;

	private final String messageIdDomain;

	TransactionalEmailOutbox(OutboxRepository outbox, MailRenderer renderer, Clock clock,
			NotificationProperties properties) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.clock = clock;
		this.messageIdDomain = domainOf(properties.from());
	}

	/**
	 * @throws IllegalStateException outside a transaction: the message would be stored
	 * even if the caller's change then failed (or lost if it was meant to follow a change
	 * made elsewhere)
	 * @throws IllegalArgumentException if the recipient is not an e-mail address
	 */
	@Override
	public long enqueue(OutgoingEmail email) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"EmailOutbox.enqueue must run in the transaction of the change that causes the e-mail");
		}
		String recipient = address(email.to());
		RenderedEmail rendered = this.renderer.render(email.template(), email.variables());
		// Chosen now and stored: a message sent again after a crash keeps its identity.
		String messageId = "<" + UUID.randomUUID() + "@" + this.messageIdDomain + ">";
		return this.outbox.insert(messageId, recipient, rendered, email.template(), this.clock.instant());
	}

	private static String address(String to) {
		try {
			String address = new InternetAddress(to, true).getAddress();
			if (address.indexOf('@') < 1) {
				throw new AddressException("no domain", to);
			}
			return address;
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Not an e-mail address: " + to, ex);
		}
	}

	private static String domainOf(String from) {
		try {
			String address = new InternetAddress(from, true).getAddress();
			return address.substring(address.indexOf('@') + 1);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("maillage.mail.from is not an e-mail address: " + from, ex);
		}
	}

}
