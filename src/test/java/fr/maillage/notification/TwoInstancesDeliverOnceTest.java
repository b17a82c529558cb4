package fr.maillage.notification;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.maillage.database.EmbeddedPostgresServer;
import fr.maillage.support.MaillageMailTest;
import fr.maillage.support.SecondInstance;
import fr.maillage.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database, both sending: each of 200 e-mails reaches
 * the SMTP server exactly once.
 */
@MaillageMailTest
class TwoInstancesDeliverOnceTest {

	@RegisterExtension
	static GreenMailExtension smtp = TestMailServer.extension();

	@Autowired
	EmailOutbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	EmbeddedPostgresServer database;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoInstancesDeliverABatchOfTwoHundredWithNoDuplicate() throws Exception {
		this.jdbc.sql("delete from email_outbox").update();
		// The second instance sends on its own schedule, this one by hand, from the
		// moment
		// the batch commits: both race for the same rows.
		try (ConfigurableApplicationContext second = SecondInstance.start(this.database.jdbcUrl("maillage"),
				"--spring.mail.host=" + TestMailServer.HOST, "--spring.mail.port=" + TestMailServer.PORT,
				"--maillage.mail.sender.enabled=true", "--maillage.mail.sender.poll-interval=20ms")) {
			this.transactions.executeWithoutResult(transaction -> IntStream.range(0, 200)
				.forEach(i -> this.outbox.enqueue(OutgoingEmail.passwordReset("lot" + i + "@maillage.example",
						URI.create("http://localhost/mot-de-passe/essai"), Instant.now()))));
			int sentHere = 0;
			long deadline = System.currentTimeMillis() + 60_000;
			while (smtp.getReceivedMessages().length < 200 && System.currentTimeMillis() < deadline) {
				sentHere += this.sender.sendDue();
			}
			// Which instance sent how many varies from run to run; what may not vary is
			// below.
			System.out.printf("Two instances: %d e-mails sent by this one, %d by the other%n", sentHere,
					smtp.getReceivedMessages().length - sentHere);
		}
		List<String> stored = this.jdbc.sql("select message_id from email_outbox").query(String.class).list();
		assertThat(this.jdbc.sql("select count(*) from email_outbox where status = 'SENT'").query(Long.class).single())
			.isEqualTo(200);

		List<String> received = Arrays.stream(smtp.getReceivedMessages())
			.map(TwoInstancesDeliverOnceTest::messageId)
			.toList();
		assertThat(received).hasSize(200).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
	}

	private static String messageId(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
