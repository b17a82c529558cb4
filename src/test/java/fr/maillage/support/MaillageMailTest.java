package fr.maillage.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link MaillageIntegrationTest}, with an SMTP server configured: the
 * {@link TestMailServer}, which each test class registers as an extension. The sender's
 * schedule is paused: tests call {@code OutboxSender.sendDue()} themselves, so that what
 * is sent, and when, is theirs to decide. Every class with this annotation shares one
 * application context (and its own database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSettings.DATA_DIR, TestSettings.DEMO_SIZE, TestSettings.CLOCK,
				"maillage.mail.sender.enabled=false" })
@ContextConfiguration(initializers = TestMailServer.Settings.class)
public @interface MaillageMailTest {

}
