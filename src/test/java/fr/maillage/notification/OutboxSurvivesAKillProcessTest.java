package fr.maillage.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.maillage.MaillageApplication;
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
		int port = freePort();

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

	private Process start(Path data, int port, boolean senderEnabled) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				MaillageApplication.class.getName(), "--server.port=" + port, "--maillage.embedded-db.dir=" + data,
				"--maillage.demo.size=small", "--spring.mail.host=" + TestMailServer.HOST,
				"--spring.mail.port=" + TestMailServer.PORT, "--maillage.mail.sender.enabled=" + senderEnabled,
				"--maillage.mail.sender.poll-interval=200ms"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(data.getParent().resolve("application-" + System.nanoTime() + ".log").toFile())
			.start();
		awaitHealthy(port, process);
		return process;
	}

	private static void awaitHealthy(int port, Process process) throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < deadline) {
			assertThat(process.isAlive()).as("the application process is running").isTrue();
			try {
				HttpResponse<String> health = client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The application did not become healthy within 2 minutes");
	}

	private static List<MimeMessage> awaitMessages(int count, Duration timeout) throws InterruptedException {
		long deadline = System.currentTimeMillis() + timeout.toMillis();
		while (System.currentTimeMillis() < deadline && mail.getReceivedMessages().length < count) {
			Thread.sleep(100);
		}
		return Arrays.asList(mail.getReceivedMessages());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
