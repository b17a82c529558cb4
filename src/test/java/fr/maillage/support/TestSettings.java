package fr.maillage.support;

/**
 * Settings shared by the integration tests, so that their application contexts are shared
 * too.
 */
public final class TestSettings {

	/** A new folder per application context, removed by {@code mvn clean}. */
	public static final String DATA_DIR = "maillage.embedded-db.dir=target/test-postgres/${random.uuid}";

	public static final String DEMO_SIZE = "maillage.demo.size=small";

	/** Friday 27 November 2026, 11:00 in Paris. */
	public static final String CLOCK = "maillage.fixed-clock=2026-11-27T10:00:00Z";

	private TestSettings() {
	}

}
