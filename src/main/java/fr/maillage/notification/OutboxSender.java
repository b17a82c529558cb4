package fr.maillage.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each message is claimed in a short transaction of its own
 * (a lease, see {@link OutboxRepository#claimNext}), sent outside any transaction, then
 * marked: several application instances share the work and send each message once. Only a
 * crash between the SMTP server's acceptance and the mark sends one twice, with the same
 * Message-ID. Exists only when an SMTP server is configured ({@code spring.mail.host});
 * otherwise messages wait in the outbox.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int MAX_ERROR_LENGTH = 300;

	/** Only builds messages; the connection uses the {@code spring.mail.*} settings. */
	private final Session session = Session.getInstance(new Properties());

	private final OutboxRepository outbox;

	private final JavaMailSender mailSender;

	private final Clock clock;

	private final NotificationProperties.Sender settings;

	private final InternetAddress from;

	OutboxSender(OutboxRepository outbox, JavaMailSender mailSender, Clock clock, NotificationProperties properties) {
		this.outbox = outbox;
		this.mailSender = mailSender;
		this.clock = clock;
		this.settings = properties.sender();
		try {
			this.from = new InternetAddress(properties.from(), true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("maillage.mail.from is not an e-mail address: " + properties.from(), ex);
		}
	}

	/**
	 * Sends the messages that are due, up to one batch. Stops at the first failure: the
	 * server is most likely unreachable, and the rest keeps its place for the next round.
	 * @return how many messages were sent
	 */
	int sendDue() {
		int sent = 0;
		while (sent < this.settings.batchSize()) {
			Instant now = this.clock.instant();
			Optional<StoredEmail> next = this.outbox.claimNext(now, now.plus(this.settings.lease()));
			if (next.isEmpty() || !send(next.get())) {
				break;
			}
			sent++;
		}
		return sent;
	}

	private boolean send(StoredEmail email) {
		try {
			deliver(email);
		}
		catch (MessagingException | RuntimeException ex) {
			recordFailure(email, ex);
			return false;
		}
		// If this fails (database gone), the message stays claimed: it is sent again
		// after the lease, with the same Message-ID.
		this.outbox.markSent(email.id(), this.clock.instant());
		return true;
	}

	private void recordFailure(StoredEmail email, Exception ex) {
		int failures = email.attempts() + 1;
		String error = shortDescription(ex);
		Instant now = this.clock.instant();
		if (failures >= this.settings.maxAttempts()) {
			this.outbox.markFailed(email.id(), error, EmailStatus.FAILED, now);
			log.error("E-mail {} given up after {} failed attempts: {}", email.id(), failures, error);
		}
		else {
			Instant next = now.plus(this.settings.retryDelay(failures));
			this.outbox.markFailed(email.id(), error, EmailStatus.PENDING, next);
			log.warn("E-mail {} not sent (attempt {}), next attempt at {}: {}", email.id(), failures, next, error);
		}
	}

	/** Hands a claimed message to the SMTP server, without marking it. */
	void deliver(StoredEmail email) throws MessagingException {
		this.mailSender.send(mimeMessage(email));
	}

	private MimeMessage mimeMessage(StoredEmail email) throws MessagingException {
		MimeMessage message = new StableIdMimeMessage(this.session, email.messageId());
		message.setFrom(this.from);
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.recipient(), true));
		message.setSubject(email.subject(), "UTF-8");
		message.setSentDate(Date.from(this.clock.instant()));
		// RFC 3834: no automatic replies (out-of-office) to automatic messages.
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(email.bodyText(), "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(email.bodyHtml(), "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", text, html));
		return message;
	}

	/**
	 * One line for the outbox page, no stack trace: the mail error and its root cause,
	 * e.g. "MailConnectException: Couldn't connect to host, port: … (ConnectException:
	 * Connection refused)".
	 */
	static String shortDescription(Exception ex) {
		Throwable mail = ex;
		if (ex instanceof MailSendException send && send.getMessageExceptions().length > 0) {
			mail = send.getMessageExceptions()[0];
		}
		for (Throwable cause = mail; cause != null; cause = cause.getCause()) {
			if (cause instanceof MessagingException) {
				mail = cause;
			}
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(mail);
		String description = describe(mail) + ((root != mail) ? " (" + describe(root) + ")" : "");
		description = description.replaceAll("\\s+", " ").strip();
		return (description.length() > MAX_ERROR_LENGTH) ? description.substring(0, MAX_ERROR_LENGTH - 1) + "…"
				: description;
	}

	/** Jakarta Mail appends its causes to its messages; the root cause is shown apart. */
	private static String describe(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage().split(";\\s*nested exception is:")[0] : null;
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
