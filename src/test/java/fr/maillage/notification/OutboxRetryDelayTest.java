package fr.maillage.notification;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRetryDelayTest {

	/** The settings as bound with nothing configured. */
	private final NotificationProperties.Sender defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("maillage.mail", NotificationProperties.class)
		.sender();

	@Test
	void theWaitStartsAtOneMinuteAndDoublesUpToOneHour() {
		assertThat(this.defaults.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.defaults.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.defaults.retryDelay(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(this.defaults.retryDelay(6)).isEqualTo(Duration.ofMinutes(32));
		assertThat(this.defaults.retryDelay(7)).isEqualTo(Duration.ofHours(1));
		assertThat(this.defaults.retryDelay(19)).isEqualTo(Duration.ofHours(1));
		assertThat(this.defaults.retryDelay(1000)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void byDefaultAMessageIsGivenUpAfterTwentyFailuresAndLeasedForFiveMinutes() {
		assertThat(this.defaults.maxAttempts()).isEqualTo(20);
		assertThat(this.defaults.lease()).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.defaults.pollInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.defaults.enabled()).isTrue();
	}

}
