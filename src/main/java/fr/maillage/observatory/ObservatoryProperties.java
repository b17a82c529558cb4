package fr.maillage.observatory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confidentialityThreshold the fewest structures a published figure may be
 * computed from (statistical confidentiality, ADR 22)
 * @param generationPoll how often each instance checks whether another one changed the
 * figures, so that no cached figure outlives a change by more than this
 */
@ConfigurationProperties("maillage.observatory")
record ObservatoryProperties(@DefaultValue("5") int confidentialityThreshold,
		@DefaultValue("200ms") Duration generationPoll) {

	ObservatoryProperties {
		if (confidentialityThreshold < 2) {
			throw new IllegalArgumentException("maillage.observatory.confidentiality-threshold must be 2 or more");
		}
	}

}
