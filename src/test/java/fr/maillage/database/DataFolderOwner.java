package fr.maillage.database;

import java.nio.file.Path;

/**
 * Run in a separate JVM by the tests: starts the embedded server on a folder, says so,
 * and waits to be killed — as a running Maillage would, or a crashed one once killed.
 */
public final class DataFolderOwner {

	private DataFolderOwner() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
		System.out.println("READY " + server.port());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
