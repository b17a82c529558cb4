package fr.maillage.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.maillage.support.MaillageMailTest;
import fr.maillage.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender on its schedule, as in production: a committed e-mail leaves without anyone
 * calling the sender. Its own application context (closed afterwards), since the other
 * mail tests pause the schedule to decide when sending happens.
 */
@MaillageMailTest
@TestPropertySource(properties = { "maillage.mail.sender.enabled=true", "maillage.mail.sender.poll-interval=200ms" })
@DirtiesContext
class OutboxScheduleTest {

	@RegisterExtension
	static GreenMailExtension smtp = TestMailServer.extension();

	@Autowired
	EmailOutbox outbox;

	@Autowired
	OutboxRepository repository;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Test
	void theScheduledSenderDeliversACommittedEmailByItself() throws Exception {
		long id = this.transactions
			.execute(transaction -> this.outbox.enqueue(OutgoingEmail.passwordReset("programme@maillage.example",
					URI.create("https://maillage.example/mot-de-passe/p1"),
					this.clock.instant().plus(Duration.ofHours(1)))));

		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		assertThat(smtp.getReceivedMessages()[0].getMessageID())
			.isEqualTo(this.repository.find(id).orElseThrow().messageId());
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.repository.find(id).orElseThrow().status() != EmailStatus.SENT && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.repository.find(id).orElseThrow().status()).isEqualTo(EmailStatus.SENT);
	}

}
