package fr.maillage.notification;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the sender every {@code maillage.mail.sender.poll-interval}, unless
 * {@code maillage.mail.sender.enabled=false} (read at start-up). No lock between
 * application instances: the claim already keeps them from sending a message twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@ConditionalOnBooleanProperty(name = "maillage.mail.sender.enabled", matchIfMissing = true)
class OutboxSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);

	private final OutboxSender sender;

	private final Duration interval;

	OutboxSchedule(OutboxSender sender, NotificationProperties properties) {
		this.sender = sender;
		this.interval = properties.sender().pollInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::sendDue, this.interval);
	}

	private void sendDue() {
		try {
			this.sender.sendDue();
		}
		catch (RuntimeException ex) {
			// e.g. the database is unreachable: the next round tries again.
			log.warn("The e-mail sender's round failed; next one in {}", this.interval, ex);
		}
	}

}
