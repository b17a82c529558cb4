package fr.maillage.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used when {@code spring.datasource.url} is empty.
 *
 * @param dir the data folder, kept between runs
 * @param port the port to listen on (loopback only); 0 picks a free one
 */
@ConfigurationProperties("maillage.embedded-db")
record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dir, @DefaultValue("0") int port) {
}
