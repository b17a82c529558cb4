package fr.maillage.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.maillage.MaillageApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application refuses to start, with one clear line and no stack trace, when its
 * database cannot be used.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

	@TempDir
	Path temp;

	@Test
	void explainsADataFolderThatCannotBeCreated(CapturedOutput output) throws IOException {
		Path regularFile = Files.writeString(this.temp.resolve("a-file"), "x");
		Path dir = regularFile.resolve("postgres");

		assertThatThrownBy(() -> start("--maillage.embedded-db.dir=" + dir)).isNotNull();

		assertThat(output).contains("The data folder " + dir + " cannot be created or written")
			.contains("Set maillage.embedded-db.dir to a folder this user can create and write");
		assertThat(output).doesNotContain("\tat fr.maillage");
	}

	@Test
	void explainsADataFolderAlreadyUsedByARunningInstance(CapturedOutput output) throws IOException {
		Path dir = this.temp.resolve("postgres");
		try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(dir, 0)) {
			assertThatThrownBy(() -> start("--maillage.embedded-db.dir=" + dir)).isNotNull();
		}
		assertThat(output).contains("The data folder " + dir + " is already used by another running Maillage")
			.contains("Stop the other instance");
		assertThat(output).doesNotContain("\tat fr.maillage");
	}

	@Test
	void explainsAnUnreachableExternalDatabaseWithoutItsPassword(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThatThrownBy(
				() -> start("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/observatoire",
						"--spring.datasource.username=maillage", "--spring.datasource.password=Tr3s-secret"))
			.isNotNull();

		assertThat(output)
			.contains("Cannot connect to the PostgreSQL database 'observatoire' on 127.0.0.1:" + closedPort);
		assertThat(output).doesNotContain("Tr3s-secret").doesNotContain("\tat ");
	}

	private static void start(String... args) {
		SpringApplication application = new SpringApplication(MaillageApplication.class);
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--server.port=0";
		all[args.length + 1] = "--maillage.demo.mode=off";
		application.run(all);
	}

}
