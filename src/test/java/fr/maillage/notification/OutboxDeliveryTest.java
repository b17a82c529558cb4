package fr.maillage.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.maillage.support.MaillageMailTest;
import fr.maillage.support.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery through a real SMTP server: only committed e-mails leave, each once, with the
 * Message-ID chosen at enqueue time, whatever the server's failures or a sender's crash.
 */
@MaillageMailTest
class OutboxDeliveryTest {

	@RegisterExtension
	static GreenMailExtension smtp = TestMailServer.extension();

	@Autowired
	EmailOutbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	OutboxRepository repository;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	NotificationProperties properties;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.sql("delete from email_outbox").update();
	}

	@Test
	void theScheduleIsPausedBySetting(@Autowired ApplicationContext context) {
		assertThat(context.getBeanProvider(OutboxSchedule.class).getIfAvailable()).isNull();
		assertThat(this.sender).isNotNull();
	}

	@Test
	void anEmailQueuedInATransactionThatRollsBackIsNeitherStoredNorSent() {
		this.transactions.executeWithoutResult(transaction -> {
			this.outbox.enqueue(invitation("annulee@maillage.example"));
			transaction.setRollbackOnly();
		});

		assertThat(this.jdbc.sql("select count(*) from email_outbox").query(Long.class).single()).isZero();
		assertThat(this.sender.sendDue()).isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void aCommittedEmailIsDeliveredOnceInFrenchWithTextAndHtmlAndItsStoredMessageId() throws Exception {
		long id = queue(invitation("invitee@maillage.example"));
		StoredEmail stored = this.repository.find(id).orElseThrow();

		assertThat(this.sender.sendDue()).isEqualTo(1);
		assertThat(this.sender.sendDue()).isZero();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage message = received[0];
		assertThat(message.getMessageID()).isEqualTo(stored.messageId()).matches("<[0-9a-f-]{36}@maillage\\.example>");
		assertThat(message.getSubject()).isEqualTo("Invitation à rejoindre Maillage");
		assertThat(message.getFrom()[0].toString()).isEqualTo("Maillage <ne-pas-repondre@maillage.example>");
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("invitee@maillage.example");
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		MimeMultipart alternatives = (MimeMultipart) message.getContent();
		assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
		assertThat(alternatives.getCount()).isEqualTo(2);
		Part text = alternatives.getBodyPart(0);
		Part html = alternatives.getBodyPart(1);
		assertThat(text.isMimeType("text/plain")).isTrue();
		assertThat((String) text.getContent()).contains("Claire Vasseur vous invite à rejoindre Maillage")
			.contains("https://maillage.example/invitations/abc123")
			.contains("valable jusqu’au vendredi 4 décembre 2026 à 11:00");
		assertThat(html.isMimeType("text/html")).isTrue();
		assertThat((String) html.getContent()).contains("<html lang=\"fr\">")
			.contains("href=\"https://maillage.example/invitations/abc123\"")
			.contains("Accepter l’invitation");

		StoredEmail sent = this.repository.find(id).orElseThrow();
		assertThat(sent.status()).isEqualTo(EmailStatus.SENT);
		assertThat(sent.sentAt()).isEqualTo(this.clock.instant());
		assertThat(sent.attempts()).isEqualTo(1);
		assertThat(sent.claimedUntil()).isNull();
	}

	@Test
	void whenTheServerIsDownTheChangeCommitsAndTheEmailWaitsLongerAfterEachFailureThenLeavesOnce() throws Exception {
		smtp.stop();
		Instant now = this.clock.instant();
		long id = this.transactions.execute(transaction -> {
			this.jdbc.sql("update app_user set last_login_at = ? where email = 'admin@maillage.example'")
				.param(now.atOffset(ZoneOffset.UTC))
				.update();
			return this.outbox.enqueue(invitation("attente@maillage.example"));
		});
		assertThat(this.jdbc.sql("select last_login_at from app_user where email = 'admin@maillage.example'")
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).as("the change that caused the e-mail").isEqualTo(now);

		assertThat(this.sender.sendDue()).isZero();
		StoredEmail waiting = this.repository.find(id).orElseThrow();
		assertThat(waiting.status()).isEqualTo(EmailStatus.PENDING);
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
		assertThat(waiting.lastError()).startsWith("MailConnectException: Couldn't connect to host")
			.endsWith("(ConnectException: Connection refused)")
			.doesNotContain("\n", "nested exception", "\tat ");
		assertThat(waiting.claimedUntil()).isNull();

		// Not due yet; one minute later it is, and fails again: the wait doubles.
		assertThat(senderAt(now.plusSeconds(59)).sendDue()).isZero();
		assertThat(this.repository.find(id).orElseThrow().attempts()).isEqualTo(1);
		assertThat(senderAt(now.plusSeconds(60)).sendDue()).isZero();
		waiting = this.repository.find(id).orElseThrow();
		assertThat(waiting.attempts()).isEqualTo(2);
		assertThat(waiting.nextAttemptAt()).isEqualTo(now.plusSeconds(60).plus(Duration.ofMinutes(2)));

		smtp.start();
		assertThat(senderAt(now.plusSeconds(60 + 119)).sendDue()).isZero();
		assertThat(senderAt(now.plusSeconds(60 + 120)).sendDue()).isEqualTo(1);
		assertThat(senderAt(now.plusSeconds(600)).sendDue()).isZero();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getMessageID()).isEqualTo(waiting.messageId());
		StoredEmail sent = this.repository.find(id).orElseThrow();
		assertThat(sent.status()).isEqualTo(EmailStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(3);
	}

	@Test
	void anEmailIsGivenUpButKeptAfterItsLastAllowedFailure() {
		long id = queue(invitation("introuvable@maillage.example"));
		int maxAttempts = this.properties.sender().maxAttempts();
		this.jdbc.sql("update email_outbox set attempts = ? where id = ?").params(maxAttempts - 1, id).update();
		smtp.stop();

		assertThat(this.sender.sendDue()).isZero();

		StoredEmail failed = this.repository.find(id).orElseThrow();
		assertThat(failed.status()).isEqualTo(EmailStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(maxAttempts);
		assertThat(failed.lastError()).isNotBlank();
		smtp.start();
		assertThat(senderAt(this.clock.instant().plus(Duration.ofDays(1))).sendDue()).isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void anEmailLeftClaimedByASenderThatDiedIsSentAgainAfterTheLeaseWithTheSameMessageId() throws Exception {
		long id = queue(invitation("reprise@maillage.example"));
		Instant now = this.clock.instant();
		Duration lease = this.properties.sender().lease();
		// A sender claims the message, hands it over to the server, and dies unmarked.
		StoredEmail claimed = this.repository.claimNext(now, now.plus(lease)).orElseThrow();
		assertThat(claimed.id()).isEqualTo(id);
		this.sender.deliver(claimed);

		assertThat(this.sender.sendDue()).as("still leased").isZero();
		assertThat(senderAt(now.plus(lease).minusSeconds(1)).sendDue()).as("still leased").isZero();
		assertThat(senderAt(now.plus(lease)).sendDue()).isEqualTo(1);
		assertThat(senderAt(now.plus(lease).plusSeconds(1)).sendDue()).isZero();

		// The only duplicate there can be: the same message twice, which mail clients
		// merge.
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(OutboxDeliveryTest::messageId))
			.containsExactly(claimed.messageId(), claimed.messageId());
		assertThat(this.repository.find(id).orElseThrow().status()).isEqualTo(EmailStatus.SENT);
	}

	@Test
	void twoSendersWorkingAtOnceDeliverEachOfTwoHundredEmailsExactlyOnce() throws Exception {
		List<Long> ids = this.transactions.execute(transaction -> IntStream.range(0, 200)
			.mapToObj(i -> this.outbox.enqueue(invitation("personne" + i + "@maillage.example")))
			.toList());
		List<String> messageIds = this.jdbc.sql("select message_id from email_outbox").query(String.class).list();
		OutboxSender other = new OutboxSender(this.repository, this.mailSender, this.clock, this.properties);

		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			Future<Integer> first = threads.submit(drain(this.sender, start));
			Future<Integer> second = threads.submit(drain(other, start));
			start.countDown();
			assertThat(first.get() + second.get()).isEqualTo(200);
			assertThat(first.get()).as("both senders took part").isPositive();
			assertThat(second.get()).as("both senders took part").isPositive();
		}

		List<String> received = Arrays.stream(smtp.getReceivedMessages()).map(OutboxDeliveryTest::messageId).toList();
		assertThat(received).hasSize(200).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(messageIds);
		assertThat(this.jdbc.sql("select count(*) from email_outbox where status = 'SENT' and id in (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.single()).isEqualTo(200);
	}

	private static Callable<Integer> drain(OutboxSender sender, CountDownLatch start) {
		return () -> {
			start.await();
			int total = 0;
			for (int sent = sender.sendDue(); sent > 0; sent = sender.sendDue()) {
				total += sent;
			}
			return total;
		};
	}

	/** Another instance of the sender, whose clock says {@code instant}. */
	private OutboxSender senderAt(Instant instant) {
		return new OutboxSender(this.repository, this.mailSender, Clock.fixed(instant, this.clock.getZone()),
				this.properties);
	}

	private long queue(OutgoingEmail email) {
		return this.transactions.execute(transaction -> this.outbox.enqueue(email));
	}

	private OutgoingEmail invitation(String to) {
		return OutgoingEmail.invitation(to, "Claire Vasseur", "Direction de structure",
				"Centre social Les Tilleuls (Perpignan)", URI.create("https://maillage.example/invitations/abc123"),
				this.clock.instant().plus(Duration.ofDays(7)));
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
