package fr.maillage.demo;

import java.time.LocalDate;

import fr.maillage.shared.demo.DemoSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mode when to load demo data
 * @param size how much
 * @param seed the seed every step derives its randomness from
 * @param referenceDate the demo's "today"; empty: the clock's date at the first load
 */
@ConfigurationProperties("maillage.demo")
record DemoDataProperties(@DefaultValue("auto") Mode mode, @DefaultValue("national") DemoSize size,
		@DefaultValue("20260") long seed, LocalDate referenceDate) {

	enum Mode {

		/** On the embedded database only, when its schema is empty. */
		AUTO,
		/** On any database, when its schema is empty. */
		ON,
		/** Never. */
		OFF

	}

}
