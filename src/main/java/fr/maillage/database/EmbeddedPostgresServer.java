package fr.maillage.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server that lives in a data folder kept between runs, owned by one
 * Maillage process at a time.
 *
 * <p>
 * Ownership is an OS file lock on {@code <folder>.lock}: the kernel releases it when the
 * owning JVM dies, however it dies. So if we hold the lock and a PostgreSQL server still
 * runs on the folder, nobody owns that server any more: a previous run was killed and
 * left it behind. We stop it and start our own, instead of silently reusing a server
 * started with another configuration.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Path dataDir;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final EmbeddedPostgres postgres;

	private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

	private EmbeddedPostgresServer(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
		this.dataDir = dataDir;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.postgres = postgres;
	}

	/**
	 * Starts the server on {@code dataDir}, creating and initialising the folder on first
	 * use.
	 * @throws DataFolderNotUsableException if the folder cannot be created or written
	 * @throws DataFolderInUseException if another running process owns the folder
	 */
	public static EmbeddedPostgresServer start(Path dataDir, int port) {
		Path dir = dataDir.toAbsolutePath().normalize();
		ensureWritableFolder(dir);
		FileChannel channel = openLockFile(dir);
		FileLock lock = acquireOwnership(dir, channel);
		try {
			stopOrphanServer(dir);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setRegisterShutdownHook(false)
				// zonky trades durability for speed (-F, synchronous_commit=off): not
				// for a folder that holds real data. Later settings win over -F.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("listen_addresses", "localhost")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dir);
			return new EmbeddedPostgresServer(dir, channel, lock, postgres);
		}
		catch (IOException | RuntimeException ex) {
			release(lock, channel);
			throw new EmbeddedDatabaseStartException(dir, ex);
		}
	}

	/** The JDBC URL of {@code database}, created on first use. */
	public String jdbcUrl(String database) {
		try (var connection = this.postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			if (!exists.executeQuery().next()) {
				try (var create = connection.createStatement()) {
					create.execute("create database \"" + database.replace("\"", "") + "\" encoding 'UTF8'");
				}
			}
		}
		catch (java.sql.SQLException ex) {
			throw new EmbeddedDatabaseStartException(this.dataDir, ex);
		}
		return this.postgres.getJdbcUrl("postgres", database);
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path dataDir() {
		return this.dataDir;
	}

	/**
	 * Stops PostgreSQL cleanly (a checkpoint, no recovery at next start), then frees the
	 * folder.
	 */
	@Override
	public void close() throws IOException {
		if (this.closed.getAndSet(true)) {
			return;
		}
		try {
			this.postgres.close();
			log.info("Embedded PostgreSQL stopped; data kept in {}", this.dataDir);
		}
		finally {
			release(this.lock, this.lockChannel);
		}
	}

	private static void ensureWritableFolder(Path dir) {
		try {
			Files.createDirectories(dir);
			Path probe = Files.createTempFile(dir, ".maillage-write-probe", ".tmp");
			Files.delete(probe);
		}
		catch (IOException | SecurityException ex) {
			throw new DataFolderNotUsableException(dir, ex);
		}
	}

	private static FileChannel openLockFile(Path dir) {
		Path lockFile = lockFileOf(dir);
		try {
			return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new DataFolderNotUsableException(lockFile, ex);
		}
	}

	private static FileLock acquireOwnership(Path dir, FileChannel channel) {
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null; // held by this very JVM, e.g. a second application context
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new DataFolderNotUsableException(lockFileOf(dir), ex);
		}
		if (lock == null) {
			String holder = readHolder(dir);
			closeQuietly(channel);
			throw new DataFolderInUseException(dir, holder);
		}
		try {
			channel.truncate(0);
			channel.write(StandardCharsets.UTF_8.encode(Long.toString(ProcessHandle.current().pid())), 0);
			channel.force(true);
		}
		catch (IOException ex) {
			release(lock, channel);
			throw new DataFolderNotUsableException(lockFileOf(dir), ex);
		}
		return lock;
	}

	private static String readHolder(Path dir) {
		try {
			return Files.readString(lockFileOf(dir), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * A {@code postmaster.pid} whose process is a live PostgreSQL, while we hold the
	 * folder's lock, is an orphan of a run that died.
	 */
	private static void stopOrphanServer(Path dir) {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).getFirst().strip());
		}
		catch (IOException | RuntimeException ex) {
			return; // unreadable or half-written: PostgreSQL itself will judge it at
					// start
		}
		ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(EmbeddedPostgresServer::isPostgres)
			.ifPresent(orphan -> {
				log.warn(
						"A PostgreSQL server (pid {}) left by a previous run still uses {}: stopping it before starting",
						pid, dir);
				// SIGTERM is PostgreSQL's "smart" shutdown: it writes a checkpoint and
				// exits
				// once no client is left, and the dead run's clients are gone.
				orphan.destroy();
				if (!waitForExit(orphan, ORPHAN_STOP_TIMEOUT)) {
					log.warn("PostgreSQL (pid {}) did not stop within {} s: killing it; it will recover from its WAL",
							pid, ORPHAN_STOP_TIMEOUT.toSeconds());
					orphan.destroyForcibly();
					waitForExit(orphan, ORPHAN_STOP_TIMEOUT);
				}
			});
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(false);
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
	}

	static Path lockFileOf(Path dir) {
		return dir.resolveSibling(dir.getFileName() + ".lock");
	}

	private static void release(FileLock lock, FileChannel channel) {
		try {
			lock.release();
		}
		catch (IOException ex) {
			log.debug("Could not release {}", lock, ex);
		}
		closeQuietly(channel);
	}

	private static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			log.debug("Could not close {}", channel, ex);
		}
	}

}
