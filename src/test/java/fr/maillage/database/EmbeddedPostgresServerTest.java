package fr.maillage.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

	@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
	Path temp;

	private Process owner;

	@AfterEach
	void killOwner() {
		if (this.owner != null) {
			this.owner.destroyForcibly();
		}
	}

	@Test
	void keepsDataDurablyBetweenRuns() throws Exception {
		Path dir = this.temp.resolve("data/postgres");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0)) {
			try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
				assertThat(setting(statement, "fsync")).isEqualTo("on");
				assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
				statement.execute("create table kept (value text)");
				statement.execute("insert into kept values ('still here')");
			}
		}
		assertThat(dir.resolve("postmaster.pid")).doesNotExist();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0);
				Connection connection = connect(server);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select value from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("still here");
		}
	}

	@Test
	void refusesAFolderThatCannotBeCreated() throws IOException {
		Path regularFile = Files.writeString(this.temp.resolve("not-a-folder"), "x");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(regularFile.resolve("postgres"), 0))
			.isInstanceOf(DataFolderNotUsableException.class)
			.hasMessageContaining(regularFile.resolve("postgres").toString());
	}

	@Test
	void refusesAFolderOwnedByAnotherRunningInstanceThenStopsItsOrphanOnceItDies() throws Exception {
		Path dir = this.temp.resolve("shared/postgres");
		this.owner = startOwner(dir);
		long orphanPid = postmasterPid(dir);

		assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, 0)).isInstanceOf(DataFolderInUseException.class)
			.hasMessageContaining(Long.toString(this.owner.pid()));

		// kill -9: the JVM dies without stopping its PostgreSQL, which keeps running.
		this.owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0);
				Connection connection = connect(server)) {
			assertThat(connection.isValid(5)).isTrue();
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(postmasterPid(dir)).isNotEqualTo(orphanPid);
		}
	}

	private Process startOwner(Path dir) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				DataFolderOwner.class.getName(), dir.toString())
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.startsWith("READY")) {
				Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> {
				}));
				return process;
			}
		}
		throw new IllegalStateException("The owner process ended before its server was ready");
	}

	private static long postmasterPid(Path dir) throws IOException {
		return Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).getFirst().strip());
	}

	private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl("maillage"));
	}

	private static String setting(Statement statement, String name) throws SQLException {
		try (ResultSet rows = statement.executeQuery("show " + name)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
