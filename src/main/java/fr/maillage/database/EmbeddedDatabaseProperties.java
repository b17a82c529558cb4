package fr.maillage.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used when {@code spring.datasource.url} is empty.
 *
 * @param dir the data folder, kept between runs
 * @param port the port to listen on (loopback only); 0 picks a free one
 * @param poolSize the most connections the application holds to it at once; 0 (the
 * default) for twice the processors plus four, and at least 8
 */
@ConfigurationProperties("maillage.embedded-db")
record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dir, @DefaultValue("0") int port,
		@DefaultValue("0") int poolSize) {

	/**
	 * The pool's size. The server runs on the application's own processors: more
	 * connections than it can serve at once only queue inside PostgreSQL, where they
	 * compete for the processors with the application. On 2 processors, 8 connections
	 * took the autosave's p99 from 143 ms to 68 ms at 500 saves a second against 20
	 * (docs/benchmarks.md, "Autosave under load"). Never fewer than 8 by default: a long
	 * export or a refresh of the figures holds one while the saves go on.
	 */
	int connections() {
		return (this.poolSize > 0) ? this.poolSize : Math.max(8, 2 * Runtime.getRuntime().availableProcessors() + 4);
	}

}
