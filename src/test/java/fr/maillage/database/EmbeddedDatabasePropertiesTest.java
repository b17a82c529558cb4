package fr.maillage.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server shares the application's processors: its connection pool follows
 * their number unless an operator sets it.
 */
class EmbeddedDatabasePropertiesTest {

	@Test
	void thePoolFollowsTheProcessorsUnlessSet() {
		int processors = Runtime.getRuntime().availableProcessors();
		assertThat(new EmbeddedDatabaseProperties(Path.of("data"), 0, 0).connections())
			.isEqualTo(Math.max(8, 2 * processors + 4));
		assertThat(new EmbeddedDatabaseProperties(Path.of("data"), 0, 12).connections()).isEqualTo(12);
	}

}
