package fr.maillage.shared.demo;

/**
 * One module's share of the demo data. Steps run in {@link #order()}, each in its own
 * transaction (all or nothing); a step that did not complete is run again at next start.
 * Use bulk inserts: the national size must load in seconds.
 */
public interface DemoDataStep {

	/** A stable name, recorded once the step has completed. */
	String name();

	/** Lower runs first; later modules' steps build on earlier ones. */
	int order();

	/**
	 * Whether the application may already serve requests while this step runs (large
	 * volumes of history); steps others depend on at start must return {@code false}.
	 */
	default boolean background() {
		return false;
	}

	/** Whether the tables this step fills already hold data not written by a demo run. */
	boolean hasData();

	/** Writes the data; returns the number of rows written, for the log. */
	int load(DemoContext context);

}
