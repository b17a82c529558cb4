package fr.maillage.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.support.ApplicationProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autosave keeps its promise across a power cut, with the real application in its own
 * process under load. The benchmark's load generator ({@code bench/AutosaveLoad.java},
 * whose setup {@code bench/autosave-setup.sql} this runs too) makes 20 people save one of
 * their fields every 0.2 s; 4 s in, it kills the application and the PostgreSQL server
 * with all its processes with SIGKILL at once. Restarted on the same data folder, the
 * database holds every save the server acknowledged, in the history and as each field's
 * last value.
 */
class AutosaveSurvivesAPowerCutProcessTest {

	private static final Pattern ACKNOWLEDGED = Pattern
		.compile("RESULT acknowledged=(\\d+) found=(\\d+) missing=(\\d+)");

	private final List<Process> processes = new ArrayList<>();

	private Path data;

	@AfterEach
	void stopEverything() throws Exception {
		for (Process process : this.processes) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		// A PostgreSQL server a failed run left behind.
		Path pidFile = (this.data != null) ? this.data.resolve("postmaster.pid") : null;
		if (pidFile != null && Files.isRegularFile(pidFile)) {
			long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
			ProcessHandle.of(pid)
				.filter(server -> server.info().command().orElse("").contains("postgres"))
				.ifPresent(server -> {
					server.descendants().forEach(ProcessHandle::destroyForcibly);
					server.destroyForcibly();
				});
		}
	}

	@Test
	void everySaveAcknowledgedBeforeAPowerCutIsStoredAfterTheRestart() throws Exception {
		this.data = Path.of("target/power-cut-test", UUID.randomUUID().toString(), "postgres").toAbsolutePath();
		Files.createDirectories(this.data.getParent());
		Path acks = this.data.resolveSibling("acks.tsv");
		int port = ApplicationProcess.freePort();
		Process application = track(ApplicationProcess.start(this.data, port));

		String load = runLoadGenerator("load", "--base-url", "http://localhost:" + port, "--db-dir",
				this.data.toString(), "--acks", acks.toString(), "--people", "20", "--interval-ms", "200", "--warmup",
				"0", "--duration", "8", "--power-cut-after", "4", "--app-pid", Long.toString(application.pid()));
		assertThat(load).contains("power cut at");
		assertThat(application.waitFor(30, TimeUnit.SECONDS)).as("the application was killed").isTrue();

		track(ApplicationProcess.start(this.data, port));
		String check = runLoadGenerator("check", "--db-dir", this.data.toString(), "--acks", acks.toString());
		Matcher counts = ACKNOWLEDGED.matcher(check);
		assertThat(counts.find()).as(check).isTrue();
		assertThat(Integer.parseInt(counts.group(1))).as("saves acknowledged before the cut")
			.isGreaterThanOrEqualTo(20);
		assertThat(Integer.parseInt(counts.group(3))).as("acknowledged saves missing: " + check).isZero();
		assertThat(check).contains("final_wrong=0", "ok=true");
	}

	private Process track(Process process) {
		this.processes.add(process);
		return process;
	}

	/**
	 * Runs the load generator with the test's class path (for the JDBC driver); its
	 * output once it ended well.
	 */
	private String runLoadGenerator(String... arguments) throws IOException, InterruptedException {
		Path source = Path.of("bench/AutosaveLoad.java");
		assertThat(source).exists();
		Path log = this.data.resolveSibling("load-generator-" + arguments[0] + ".log");
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), source.toString()));
		command.addAll(List.of(arguments));
		Process generator = track(
				new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
		assertThat(generator.waitFor(3, TimeUnit.MINUTES)).as("the load generator ended").isTrue();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(generator.exitValue()).as(output).isZero();
		return output;
	}

}
