package fr.maillage.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How e-mails are addressed and sent. The SMTP server itself is configured with Spring
 * Boot's {@code spring.mail.*} settings; without {@code spring.mail.host} nothing is
 * sent.
 *
 * @param from the sender of every e-mail, e.g. {@code Maillage <ne-pas-repondre@…>}; its
 * domain also ends every Message-ID
 * @param contact whom people may write to, named in the footer of every e-mail
 * @param sender the background sender
 */
@ConfigurationProperties("maillage.mail")
record NotificationProperties(@DefaultValue("Maillage <ne-pas-repondre@maillage.example>") String from,
		@DefaultValue("contact@maillage.example") String contact, @DefaultValue Sender sender) {

	/**
	 * @param enabled whether the sender runs on its schedule ({@code false} pauses it,
	 * for tests and operations; messages wait in the outbox)
	 * @param pollInterval the pause between two rounds
	 * @param batchSize the most messages one round sends
	 * @param lease how long a claimed message is reserved for its sender; a sender that
	 * died leaves it to the others after that. Longer than one SMTP exchange can last
	 * (see the {@code mail.smtp.*timeout} settings)
	 * @param firstRetry the wait after the first failure; it doubles at each further one
	 * @param maxRetry the longest wait between two attempts
	 * @param maxAttempts failures after which a message is given up ({@code FAILED})
	 */
	record Sender(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration pollInterval,
			@DefaultValue("20") int batchSize, @DefaultValue("5m") Duration lease,
			@DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
			@DefaultValue("20") int maxAttempts) {

		/** 1 min after the first failure, then 2, 4, 8… up to the maximum. */
		Duration retryDelay(int failures) {
			int doublings = Math.clamp(failures - 1, 0, 30);
			Duration delay = this.firstRetry.multipliedBy(1L << doublings);
			return (delay.compareTo(this.maxRetry) > 0) ? this.maxRetry : delay;
		}

	}

}
