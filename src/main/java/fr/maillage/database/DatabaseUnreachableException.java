package fr.maillage.database;

import java.sql.SQLException;
import java.util.Properties;

import org.postgresql.Driver;

/**
 * The external database cannot be reached or refuses us. Carries the host and database
 * name for the operator, never the password.
 */
class DatabaseUnreachableException extends RuntimeException {

	private final String host;

	private final String database;

	private final String reason;

	private DatabaseUnreachableException(String host, String database, String reason, SQLException cause) {
		super("Cannot connect to PostgreSQL database '" + database + "' on " + host + ": " + reason, cause);
		this.host = host;
		this.database = database;
		this.reason = reason;
	}

	static DatabaseUnreachableException of(String url, SQLException cause) {
		Properties parsed = Driver.parseURL(url, null);
		String host = "?";
		String database = "?";
		if (parsed != null) {
			host = parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432");
			database = parsed.getProperty("PGDBNAME", "?");
		}
		String reason = (cause.getMessage() != null) ? cause.getMessage().lines().findFirst().orElse("") : "";
		return new DatabaseUnreachableException(host, database, reason, cause);
	}

	String host() {
		return this.host;
	}

	String database() {
		return this.database;
	}

	String reason() {
		return this.reason;
	}

}
