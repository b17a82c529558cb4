package fr.maillage.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.MaillageApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application in a process of its own, as the process tests run it: the test's
 * class path, the small demo data, a data folder of the test's; its output goes to a log
 * beside that folder.
 */
public final class ApplicationProcess {

	private ApplicationProcess() {
	}

	/**
	 * Starts the application on {@code data} and {@code port}, with {@code arguments}
	 * added, and waits until it is healthy.
	 */
	public static Process start(Path data, int port, String... arguments) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(
				List.of(java, "-cp", System.getProperty("java.class.path"), MaillageApplication.class.getName(),
						"--server.port=" + port, "--maillage.embedded-db.dir=" + data, "--maillage.demo.size=small"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(data.getParent().resolve("application-" + System.nanoTime() + ".log").toFile())
			.start();
		awaitHealthy(port, process);
		return process;
	}

	private static void awaitHealthy(int port, Process process) throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < deadline) {
			assertThat(process.isAlive()).as("the application process is running").isTrue();
			try {
				HttpResponse<String> health = client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The application did not become healthy within 2 minutes");
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
