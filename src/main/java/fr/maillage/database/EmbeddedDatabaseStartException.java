package fr.maillage.database;

import java.nio.file.Path;

/** PostgreSQL itself failed to start on a folder we could lock and write. */
class EmbeddedDatabaseStartException extends RuntimeException {

	private final Path dir;

	EmbeddedDatabaseStartException(Path dir, Exception cause) {
		super("Embedded PostgreSQL could not start on " + dir + ": " + cause.getMessage(), cause);
		this.dir = dir;
	}

	Path dir() {
		return this.dir;
	}

}
