package fr.maillage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for the tests of {@link MaillageMailTest}. Its port is
 * chosen once per test JVM, free at that time, so that the application contexts pointing
 * at it can be shared while each test class starts and stops its own server on it.
 */
public final class TestMailServer {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = freePort();

	private TestMailServer() {
	}

	/**
	 * A server on {@link #PORT}, started before and stopped after each test, so that each
	 * test begins with an empty mailbox. Register it as a static
	 * {@code @RegisterExtension} field.
	 */
	public static GreenMailExtension extension() {
		return new GreenMailExtension(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP));
	}

	/**
	 * The first message received for {@code address}, waiting up to 15 s for the outbox
	 * to send it.
	 */
	public static jakarta.mail.internet.MimeMessage awaitMailTo(GreenMailExtension mail, String address)
			throws Exception {
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			for (jakarta.mail.internet.MimeMessage message : mail.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equals(address)) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No e-mail to " + address + " within 15 s");
	}

	/** The first e-mail to {@code address} with this subject, waited for up to 15 s. */
	public static jakarta.mail.internet.MimeMessage awaitMailTo(GreenMailExtension mail, String address, String subject)
			throws Exception {
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			for (jakarta.mail.internet.MimeMessage message : mail.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equals(address) && subject.equals(message.getSubject())) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No e-mail to " + address + " about \"" + subject + "\" within 15 s");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Points {@code spring.mail.*} at the test server. */
	public static class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testMailServer",
						Map.of("spring.mail.host", HOST, "spring.mail.port", PORT)));
		}

	}

}
