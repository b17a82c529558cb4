package fr.maillage.database;

import java.nio.file.Path;

/** The embedded database's data folder cannot be created or written. */
class DataFolderNotUsableException extends RuntimeException {

	private final Path path;

	DataFolderNotUsableException(Path path, Exception cause) {
		super("Cannot create or write " + path + ": " + cause, cause);
		this.path = path;
	}

	Path path() {
		return this.path;
	}

}
