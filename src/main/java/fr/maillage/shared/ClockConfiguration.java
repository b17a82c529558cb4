package fr.maillage.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock all date-dependent code reads. {@code maillage.fixed-clock} (an ISO
 * instant) freezes it, for tests and reproducible demo data.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

	@Bean
	Clock clock(@Value("${maillage.fixed-clock:}") String fixedInstant) {
		if (fixedInstant.isBlank()) {
			return Clock.system(FRANCE);
		}
		return Clock.fixed(Instant.parse(fixedInstant), FRANCE);
	}

}
