package fr.maillage.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded PostgreSQL and its connection pool, when no external database is
 * configured. The pool is closed before the server it depends on, and the server is
 * stopped cleanly when the application stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedDatabase.class)
class EmbeddedDatabaseConfiguration {

	static final String DATABASE_NAME = "maillage";

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
		return EmbeddedPostgresServer.start(properties.dir(), properties.port());
	}

	@Bean
	HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("maillage-embedded");
		dataSource.setJdbcUrl(server.jdbcUrl(DATABASE_NAME));
		dataSource.setMaximumPoolSize(properties.connections());
		// A local server answers at once or not at all: fail fast, e.g. for the health
		// check.
		dataSource.setConnectionTimeout(5_000);
		return dataSource;
	}

}
