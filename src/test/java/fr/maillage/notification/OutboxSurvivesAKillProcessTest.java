package fr.maillage.notification;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.maillage.support.ApplicationProcess;
import fr.maillage.support.HttpSession;
import fr.maillage.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox keeps its promise across a crash, with the real application in its own
 * process: with the sender paused, a change commits its e-mail; the process is killed
 * (kill -9, its PostgreSQL left running); the next start, sender on, delivers that e-mail
 * exactly once.
 */
class OutboxSurvivesAKillProcessTest {

	@RegisterExtension
	static final GreenMailExtension mail = TestMailServer.extension();

	private Process application;

	@AfterEach
	void stopApplication() {
		if (this.application != null) {
			this.application.destroy();
		}
	}

	@Test
	void anEmailCommittedBeforeACrashIsSentOnceAfterTheRestart() throws Exception {
		Path data = Path.of("target/kill-test", UUID.randomUUID().toString(), "postgres").toAbsolutePath();
		Files.createDirectories(data.getParent());
		int port = ApplicationProcess.freePort();

		this.application = start(data, port, false);
		HttpResponse<String> answer = new HttpSession(port).submit("/mot-de-passe-oublie", "/mot-de-passe-oublie",
				"email", "conseillere.caf66@maillage.example");
		assertThat(answer.body()).contains("Si un compte actif utilise cette adresse");
		Thread.sleep(1_000);
		assertThat(mail.getReceivedMessages()).as("the sender is paused").isEmpty();

		this.application.destroyForcibly().waitFor();

		this.application = start(data, port, true);
		List<MimeMessage> received = awaitMessages(1, Duration.ofSeconds(30));
		// A little longer, in case a second copy were on its way.
		Thread.sleep(3_000);
		received = Arrays.asList(mail.getReceivedMessages());
		assertThat(received).hasSize(1);
		assertThat(received.getFirst().getAllRecipients()[0].toString())
			.isEqualTo("conseillere.caf66@maillage.example");
	}

	private static Process start(Path data, int port, boolean senderEnabled) throws IOException, InterruptedException {
		return ApplicationProcess.start(data, port, "--spring.mail.host=" + TestMailServer.HOST,
				"--spring.mail.port=" + TestMailServer.PORT, "--maillage.mail.sender.enabled=" + senderEnabled,
				"--maillage.mail.sender.poll-interval=200ms");
	}

	private static List<MimeMessage> awaitMessages(int count, Duration timeout) throws InterruptedException {
		long deadline = System.currentTimeMillis() + timeout.toMillis();
		while (System.currentTimeMillis() < deadline && mail.getReceivedMessages().length < count) {
			Thread.sleep(100);
		}
		return Arrays.asList(mail.getReceivedMessages());
	}

}
