package fr.maillage.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message that keeps the Message-ID chosen when it was queued. Jakarta Mail replaces
 * the Message-ID with a new one in {@code saveChanges()}, before every send; a message
 * sent twice (after a crash between the server's acceptance and our mark) must carry the
 * same one so that mail clients show it once.
 */
class StableIdMimeMessage extends MimeMessage {

	private final String messageId;

	StableIdMimeMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", this.messageId);
	}

}
