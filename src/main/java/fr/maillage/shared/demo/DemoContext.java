package fr.maillage.shared.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a demo data step generates from. Everything a step writes must follow from these
 * values alone, so that the same seed, date and size always give the same data.
 *
 * @param seed the run's seed
 * @param referenceDate "today" for the demo: campaigns, approvals and events are placed
 * around it
 * @param size how much to generate
 */
public record DemoContext(long seed, LocalDate referenceDate, DemoSize size) {

	/**
	 * A random generator of its own for each step, so that adding a step never changes
	 * what the others generate.
	 */
	public RandomGenerator randomFor(String stepName) {
		return new SplittableRandom(this.seed * 31 + stepName.hashCode());
	}

}
