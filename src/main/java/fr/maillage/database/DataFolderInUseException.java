package fr.maillage.database;

import java.nio.file.Path;

/** Another running process already owns the embedded database's data folder. */
class DataFolderInUseException extends RuntimeException {

	private final Path dir;

	private final String holderPid;

	DataFolderInUseException(Path dir, String holderPid) {
		super("Data folder " + dir + " is in use by process " + holderPid);
		this.dir = dir;
		this.holderPid = holderPid;
	}

	Path dir() {
		return this.dir;
	}

	String holderPid() {
		return this.holderPid;
	}

}
