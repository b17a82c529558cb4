import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load generator of the autosave benchmark (issue 5), in one file for the source launcher.
 * Only the JDK, plus the PostgreSQL JDBC driver on the class path for the database steps.
 *
 * <pre>
 * java -cp postgresql.jar bench/AutosaveLoad.java load --base-url http://localhost:18082 \
 *     --db-dir target/bench-autosave/data/postgres --people 400 --interval-ms 800 \
 *     --warmup 120 --duration 60 --acks target/bench-autosave/acks.tsv [--app-pid PID] \
 *     [--power-cut-after 15]
 * java -cp postgresql.jar bench/AutosaveLoad.java check --db-dir ... --acks ...
 * </pre>
 *
 * <b>load</b> runs bench/autosave-setup.sql on the application's embedded PostgreSQL
 * (its port read from postmaster.pid), signs the bench people in (not timed), then each
 * person, with a cookie jar of their own, saves one field of their own response every
 * interval (jitter ±10 %, first save at a random offset) as the answer pages do:
 * {@code POST /reponses/{id}/valeurs} with htmx's header, a French-formatted value (unique
 * per save) and the field version the last answer gave. Open-model pacing: each save has
 * an intended time, and its latency counts from it, so a slow answer also delays (and
 * counts against) the saves behind it instead of hiding them. Saves intended during the
 * warm-up are not in the figures but are checked like the others; a person behind schedule
 * then skips saves rather than carry a backlog into the measured window, where nothing is
 * skipped (saves not sent by its end count as failed). Every 10 s a line gives the saves
 * per second and, with --app-pid, the CPU per save of the application and of PostgreSQL
 * (Linux /proc). Every save the server
 * acknowledged ({@code data-state="saved"}) goes to the acknowledgments file, and every
 * save without an answer (connection cut, 5xx) as "in doubt": it may have been committed.
 * With --power-cut-after, the application's JVM and the PostgreSQL server with all its
 * processes are killed with SIGKILL at once that many seconds into the load, which goes on
 * (failing) to its end.
 *
 * <b>check</b> (after the application is up again, possibly on another port): every
 * acknowledged save must be in answer_history (values are unique per field, so each one is
 * found by its value), and each field must hold its last acknowledged value, or a later
 * in-doubt one. Exit status 1 if anything is missing.
 */
public class AutosaveLoad {

	/** Numeric questions with no condition and no constraint on other answers. */
	private static final List<Field> FIELDS = List.of(new Field("population_territoire", false),
			new Field("heures_benevolat", false), new Field("familles_touchees", false),
			new Field("num_accompagnements", false), new Field("adherents", false), new Field("num_ateliers", false),
			new Field("usagers_0_5", false), new Field("usagers_6_11", false), new Field("usagers_12_17", false),
			new Field("fin_communes", true), new Field("fin_departement", true), new Field("fin_usagers", true));

	private static final String PASSWORD = "Maillage-demo-2026";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern STATE = Pattern.compile("data-state=\"([a-z]+)\"");

	private static final Pattern CONFLICT_VERSION = Pattern.compile("data-version=\"(\\d+)\"");

	record Field(String code, boolean money) {

		/** The value of a person's save number {@code seq}: typed the French way, and as stored. */
		String typed(int seq) {
			int n = 1000 + seq;
			String grouped = (n / 1000) + " " + String.format("%03d", n % 1000);
			return this.money ? grouped + ",25" : grouped;
		}

		String canonical(int seq) {
			int n = 1000 + seq;
			return this.money ? n + ".25" : Integer.toString(n);
		}

		/** Finds the field's new version in an autosave's answer. */
		Pattern version() {
			return VERSIONS.computeIfAbsent(this.code,
					code -> Pattern.compile("name=\"v\\." + Pattern.quote(code + ".0") + "\"[^>]*value=\"(\\d+)\""));
		}

	}

	private static final Map<String, Pattern> VERSIONS = new java.util.concurrent.ConcurrentHashMap<>();

	/** An answer read by {@link PlainHttp}. */
	record Plain(int status, List<String> setCookies, String body) {
	}

	/**
	 * One person's keep-alive HTTP/1.1 connection for the saves, read and written in
	 * blocking calls from the person's thread. java.net.http's client took 0.6 ms
	 * of CPU per save, a sixth of the machine at 500 saves a second, on the same 2 cores as
	 * what is measured; this takes a fraction of it. Only what the autosave needs: a POST,
	 * a status line, headers, and a body by length or in chunks. A connection the server
	 * closes ({@code Connection: close}, every 100 requests with Tomcat's defaults) is
	 * opened again for the next save. A failure to connect is a
	 * {@link java.net.ConnectException} (the request never left); any other failure,
	 * an answer cut short or one that cannot be read included, is an {@link IOException}
	 * and may
	 * have reached the server.
	 */
	static final class PlainHttp {

		private final String host;

		private final int port;

		private java.net.Socket socket;

		private java.io.BufferedInputStream in;

		private java.io.OutputStream out;

		PlainHttp(String host, int port) {
			this.host = host;
			this.port = port;
		}

		Plain post(String path, String cookies, String form) throws IOException {
			if (this.socket == null) {
				this.socket = new java.net.Socket();
				this.socket.setTcpNoDelay(true);
				this.socket.connect(new java.net.InetSocketAddress(this.host, this.port), 5000);
				this.socket.setSoTimeout(30_000);
				this.in = new java.io.BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
				this.out = this.socket.getOutputStream();
			}
			try {
				byte[] body = form.getBytes(StandardCharsets.UTF_8);
				String head = "POST " + path + " HTTP/1.1\r\nHost: " + this.host + ":" + this.port
						+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nHX-Request: true\r\nCookie: " + cookies
						+ "\r\nContent-Length: " + body.length + "\r\n\r\n";
				byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
				byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
				System.arraycopy(body, 0, request, headBytes.length, body.length);
				this.out.write(request);
				this.out.flush();
				return read();
			}
			catch (IOException ex) {
				close();
				throw ex;
			}
			catch (RuntimeException ex) {
				close();
				throw new IOException("unreadable answer: " + ex, ex);
			}
		}

		private Plain read() throws IOException {
			String statusLine = line();
			int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
			List<String> setCookies = new ArrayList<>();
			int length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
				String value = header.substring(colon + 1).strip();
				switch (name) {
					case "content-length" -> length = Integer.parseInt(value);
					case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
					case "connection" -> close = value.equalsIgnoreCase("close");
					case "set-cookie" -> setCookies.add(value);
					default -> {
					}
				}
			}
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(1024);
			if (chunked) {
				for (int size = Integer.parseInt(line().split(";", 2)[0].strip(), 16); size > 0; size = Integer
					.parseInt(line().split(";", 2)[0].strip(), 16)) {
					body.write(bytes(size));
					line();
				}
				while (!line().isEmpty()) {
					// trailers
				}
			}
			else if (length >= 0) {
				body.write(bytes(length));
			}
			if (close) {
				close();
			}
			return new Plain(status, setCookies, body.toString(StandardCharsets.UTF_8));
		}

		/** Exactly {@code count} bytes of the body: fewer is an answer cut short. */
		private byte[] bytes(int count) throws IOException {
			byte[] bytes = this.in.readNBytes(count);
			if (bytes.length < count) {
				throw new java.io.EOFException("answer cut short: " + bytes.length + " of " + count + " bytes");
			}
			return bytes;
		}

		/** A line of the status or headers, without its CRLF. */
		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new java.io.EOFException("connection closed by the server");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		private void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ignored) {
					// closing anyway
				}
				this.socket = null;
			}
		}

	}

	/** One line of the acknowledgments file. */
	record Ack(boolean acknowledged, long responseId, String code, int seq, int version, String value) {

		String line() {
			return String.join("\t", this.acknowledged ? "ack" : "doubt", Long.toString(this.responseId), this.code,
					"0", Integer.toString(this.seq), Integer.toString(this.version), this.value);
		}

		static Ack parse(String line) {
			String[] cells = line.split("\t");
			return new Ack(cells[0].equals("ack"), Long.parseLong(cells[1]), cells[2], Integer.parseInt(cells[4]),
					Integer.parseInt(cells[5]), cells[6]);
		}

	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !(args[0].equals("load") || args[0].equals("check"))) {
			System.err.println("usage: AutosaveLoad load|check --option value ... (see the comment at the top)");
			System.exit(2);
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		Path dbDir = Path.of(required(options, "db-dir"));
		Path acks = Path.of(required(options, "acks"));
		if (args[0].equals("load")) {
			new Load(options, dbDir, acks).run();
		}
		else {
			System.exit(check(dbDir, acks) ? 0 : 1);
		}
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	/** The embedded server's JDBC connection; its port is line 4 of postmaster.pid. */
	static Connection connect(Path dbDir) throws IOException, SQLException {
		String port = Files.readAllLines(dbDir.resolve("postmaster.pid")).get(3).strip();
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/maillage?user=postgres");
	}

	// ---------------------------------------------------------------------------- load

	static final class Load {

		private final String baseUrl;

		private final Path dbDir;

		private final Path acksFile;

		private final int people;

		private final long intervalNanos;

		private final long warmupNanos;

		private final long durationNanos;

		private final Double powerCutAfter;

		private final Long appPid;

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

		/** Measured window only: latency from the intended time, and service time, in µs. */
		private final ConcurrentLinkedQueue<long[]> timings = new ConcurrentLinkedQueue<>();

		private final Map<String, AtomicInteger> outcomes = new java.util.concurrent.ConcurrentHashMap<>();

		private final AtomicInteger acknowledgedAll = new AtomicInteger();

		private final AtomicInteger sentAll = new AtomicInteger();

		Load(Map<String, String> options, Path dbDir, Path acksFile) {
			this.baseUrl = options.getOrDefault("base-url", "http://localhost:8080");
			this.dbDir = dbDir;
			this.acksFile = acksFile;
			this.people = Integer.parseInt(options.getOrDefault("people", "400"));
			this.intervalNanos = Long.parseLong(options.getOrDefault("interval-ms", "800")) * 1_000_000;
			this.warmupNanos = seconds(options.getOrDefault("warmup", "120"));
			this.durationNanos = seconds(options.getOrDefault("duration", "60"));
			this.powerCutAfter = options.containsKey("power-cut-after")
					? Double.parseDouble(options.get("power-cut-after")) : null;
			this.appPid = options.containsKey("app-pid") ? Long.parseLong(options.get("app-pid")) : null;
			if (this.powerCutAfter != null && this.appPid == null) {
				throw new IllegalArgumentException("--power-cut-after needs --app-pid");
			}
		}

		private static long seconds(String value) {
			return (long) (Double.parseDouble(value) * 1_000_000_000L);
		}

		void run() throws Exception {
			List<Person> persons = setUp();
			long signInStart = System.nanoTime();
			signIn(persons);
			System.out.printf("signed in %d people in %.1f s%n", persons.size(),
					(System.nanoTime() - signInStart) / 1e9);
			long start = System.nanoTime() + 100_000_000L;
			long measuredFrom = start + this.warmupNanos;
			long end = measuredFrom + this.durationNanos;
			System.out.printf("load started: %d people, one save every %d ms each (±10 %%), warm-up %.0f s,"
					+ " measured %.0f s%n", persons.size(), this.intervalNanos / 1_000_000, this.warmupNanos / 1e9,
					this.durationNanos / 1e9);
			System.out.flush();
			Cpu[] cpu = new Cpu[2];
			// A platform thread per person, not a virtual one: a virtual thread's sleep and
			// blocking read each go through a scheduler and a poller thread, a few more
			// wake-ups per save on the 2 cores being measured.
			try (var threads = Executors
				.newThreadPerTaskExecutor(Thread.ofPlatform().stackSize(256 * 1024).daemon().factory())) {
				threads.submit(() -> {
					sleepUntil(measuredFrom);
					cpu[0] = Cpu.now(this.appPid, this.dbDir);
					sleepUntil(end);
					cpu[1] = Cpu.now(this.appPid, this.dbDir);
				});
				threads.submit(() -> progress(start, end));
				if (this.powerCutAfter != null) {
					threads.submit(() -> powerCut(start + (long) (this.powerCutAfter * 1e9)));
				}
				for (Person person : persons) {
					threads.submit(() -> person.loop(start, measuredFrom, end));
				}
			}
			writeAcks();
			report(persons.size());
			if (this.powerCutAfter == null) {
				int saved = this.outcomes.getOrDefault("measured saved", new AtomicInteger()).get();
				System.out.println(cpu[1].minus(cpu[0]).describe(saved));
			}
		}

		private List<Person> setUp() throws Exception {
			String sql = Files.readString(Path.of("bench/autosave-setup.sql"));
			long deadline = System.nanoTime() + 120_000_000_000L;
			while (true) {
				try (Connection db = connect(this.dbDir)) {
					db.setAutoCommit(false);
					db.createStatement().execute(sql);
					db.commit();
					List<Person> persons = new ArrayList<>();
					try (var query = db.prepareStatement("""
							select u.email, r.id from app_user u
							join role_assignment ra on ra.user_id = u.id and ra.role = 'STRUCTURE_STAFF'
							  and ra.scope_kind = 'STRUCTURE'
							join response r on r.structure_id = ra.scope_code::bigint
							join campaign c on c.id = r.campaign_id and c.data_year = 2099
							where u.email like 'banc-essai-%@maillage.example' order by u.email limit ?""")) {
						query.setInt(1, this.people);
						ResultSet rows = query.executeQuery();
						while (rows.next()) {
							persons.add(new Person(rows.getString(1), rows.getLong(2)));
						}
					}
					if (persons.size() < this.people) {
						throw new IllegalStateException("only " + persons.size() + " bench people (active structures)"
								+ " for the " + this.people + " asked");
					}
					atRest(db);
					return persons;
				}
				catch (SQLException ex) {
					// The questionnaire is published once the application is ready.
					if (System.nanoTime() > deadline || !String.valueOf(ex.getMessage()).contains("not published")) {
						throw ex;
					}
					Thread.sleep(500);
				}
			}
		}

		/**
		 * The load meets a database at rest, as one that has been running for a while:
		 * the demo data was imported a minute ago (and is still being written in the
		 * background when the application answers), and without this autovacuum worked
		 * through its millions of new rows during the measured window (about half a
		 * millisecond of PostgreSQL's CPU per save, docs/benchmarks.md), and each first
		 * read of a page wrote it again to set its hint bits.
		 */
		private static void atRest(Connection db) throws SQLException, InterruptedException {
			long start = System.nanoTime();
			db.setAutoCommit(true);
			// The demo's campaign history and figures are written in the background after
			// the application starts (about 1.5 min nationally): wait for them first.
			long deadline = start + 600_000_000_000L;
			while (true) {
				try (var statement = db.createStatement();
						ResultSet run = statement.executeQuery("select finished_at is not null from demo_data_run")) {
					if (!run.next() || run.getBoolean(1)) {
						break;
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the demo data was still loading after 10 min");
				}
				Thread.sleep(1000);
			}
			System.out.printf("demo data complete after %.1f s%n", (System.nanoTime() - start) / 1e9);
			try (var statement = db.createStatement()) {
				statement.execute("vacuum (analyze)");
				statement.execute("checkpoint");
			}
			System.out.printf("database at rest (demo data complete, vacuum, analyze, checkpoint) after %.1f s%n",
					(System.nanoTime() - start) / 1e9);
		}

		private void signIn(List<Person> persons) throws InterruptedException {
			Semaphore permits = new Semaphore(4); // bcrypt on 2 cores: no point in more
			List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
			try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
				for (Person person : persons) {
					threads.submit(() -> {
						permits.acquireUninterruptibly();
						try {
							person.signIn();
						}
						catch (Exception ex) {
							failures.add(person.email + ": " + ex);
						}
						finally {
							permits.release();
						}
					});
				}
			}
			if (!failures.isEmpty()) {
				throw new IllegalStateException(failures.size() + " sign-ins failed, first: " + failures.getFirst());
			}
		}

		/**
		 * Every 10 s: saves acknowledged and not, and the CPU each took (the JIT compiler
		 * of a fresh JVM takes minutes on 2 cores: this shows when it settles).
		 */
		private void progress(long start, long end) {
			Cpu before = Cpu.now(this.appPid, this.dbDir);
			int sentBefore = 0;
			int acknowledgedBefore = 0;
			for (long at = start + 10_000_000_000L; at <= end; at += 10_000_000_000L) {
				sleepUntil(at);
				Cpu now = Cpu.now(this.appPid, this.dbDir);
				int sent = this.sentAll.get();
				int acknowledged = this.acknowledgedAll.get();
				int saves = acknowledged - acknowledgedBefore;
				Cpu used = now.minus(before);
				boolean up = this.appPid == null || ProcessHandle.of(this.appPid).map(ProcessHandle::isAlive).orElse(false);
				System.out.printf("+%3d s: %5.1f saves/s acknowledged, %d sent without acknowledgment; %s%n",
						(at - start) / 1_000_000_000L, saves / 10.0, (sent - sentBefore) - saves, !up ? "application down"
								: String.format("CPU per save: application %.2f ms, PostgreSQL %.2f ms;"
										+ " other processes %.1f s, idle %.1f s", 1000 * used.application() / Math.max(1, saves),
										1000 * used.postgres() / Math.max(1, saves),
										used.machineBusy() - used.application() - used.postgres() - used.generator(),
										used.machineTotal() - used.machineBusy()));
				System.out.flush();
				before = now;
				sentBefore = sent;
				acknowledgedBefore = acknowledged;
			}
		}

		/** SIGKILL to the application and to the PostgreSQL server and all its processes. */
		private void powerCut(long at) {
			sleepUntil(at);
			try {
				long postmaster = Long.parseLong(Files.readAllLines(this.dbDir.resolve("postmaster.pid")).get(0).strip());
				List<ProcessHandle> victims = new ArrayList<>();
				ProcessHandle.of(this.appPid).ifPresent(victims::add);
				ProcessHandle.of(postmaster).ifPresent(server -> {
					victims.add(server);
					server.descendants().forEach(victims::add);
				});
				victims.forEach(ProcessHandle::destroyForcibly);
				System.out.printf("power cut at +%.1f s: SIGKILL to the application (pid %d), PostgreSQL (pid %d)"
						+ " and %d of its processes; %d saves acknowledged so far%n", this.powerCutAfter, this.appPid,
						postmaster, victims.size() - 2, this.acknowledgedAll.get());
				System.out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void count(String outcome) {
			this.outcomes.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
		}

		private void writeAcks() throws IOException {
			Files.createDirectories(this.acksFile.toAbsolutePath().getParent());
			Files.write(this.acksFile, this.acks.stream().map(Ack::line).toList());
		}

		private void report(int personCount) {
			List<long[]> all = new ArrayList<>(this.timings);
			long[] latency = all.stream().mapToLong(t -> t[0]).sorted().toArray();
			long[] service = all.stream().filter(t -> t[2] >= 0).mapToLong(t -> t[1]).sorted().toArray();
			Map<Long, Integer> perSecond = new java.util.TreeMap<>();
			all.stream().filter(t -> t[3] == 1).forEach(t -> perSecond.merge(t[2], 1, Integer::sum));
			int saved = this.outcomes.getOrDefault("measured saved", new AtomicInteger()).get();
			double seconds = this.durationNanos / 1e9;
			System.out.printf("measured window (%.0f s): %d saves sent, %d saved (%.1f /s; per second min %d, max %d)",
					seconds, all.size(), saved, saved / seconds,
					perSecond.values().stream().mapToInt(Integer::intValue).min().orElse(0),
					perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0));
			Map<String, Integer> others = new java.util.TreeMap<>();
			this.outcomes.forEach((key, value) -> {
				if (key.startsWith("measured ") && !key.equals("measured saved")) {
					others.put(key.substring(9), value.get());
				}
			});
			System.out.println(", not saved: " + (others.isEmpty() ? "none" : others));
			System.out.println("latency from intended send time (ms): " + percentiles(latency));
			System.out.println("service time, request sent to answer read (ms): " + percentiles(service));
			System.out.printf("whole run (warm-up and power cut included): %d saves sent, %d acknowledged, %d in doubt"
					+ " (cut mid-way or answered 5xx: may have been committed); acknowledgments in %s%n", this.sentAll.get(), this.acknowledgedAll.get(),
					this.acks.size() - this.acknowledgedAll.get(), this.acksFile);
			System.out.printf("RESULT people=%d sent=%d saved=%d rate=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f"
					+ " errors=%d%n", personCount, all.size(), saved, saved / seconds, at(latency, 0.50),
					at(latency, 0.95), at(latency, 0.99), at(latency, 1.0), all.size() - saved);
		}

		private static String percentiles(long[] sorted) {
			return String.format("p50 %.1f, p95 %.1f, p99 %.1f, p99.9 %.1f, max %.1f", at(sorted, 0.50),
					at(sorted, 0.95), at(sorted, 0.99), at(sorted, 0.999), at(sorted, 1.0));
		}

		/** Nearest-rank percentile, in ms. */
		private static double at(long[] sorted, double fraction) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(fraction * sorted.length);
			return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1000.0;
		}

		private static void sleepUntil(long nanoTime) {
			long wait = nanoTime - System.nanoTime();
			if (wait > 0) {
				try {
					Thread.sleep(Duration.ofNanos(wait));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		/** A bench person: their cookies, CSRF token, response and field versions. */
		final class Person {

			private final String email;

			private final long responseId;

			private final Map<String, String> cookies = new LinkedHashMap<>();

			private final Map<String, Integer> versions = new HashMap<>();

			private String csrf;

			/** The saves' own connection, kept alive like a browser's. */
			private final PlainHttp connection;

			Person(String email, long responseId) {
				this.email = email;
				this.responseId = responseId;
				URI base = URI.create(Load.this.baseUrl);
				this.connection = new PlainHttp(base.getHost(), base.getPort());
			}

			void signIn() throws IOException, InterruptedException {
				HttpResponse<String> page = send(get("/connexion"));
				Matcher token = CSRF.matcher(page.body());
				if (!token.find()) {
					throw new IllegalStateException("no CSRF token on /connexion");
				}
				HttpResponse<String> signedIn = send(post("/connexion",
						form("email", this.email, "motDePasse", PASSWORD, "_csrf", token.group(1))));
				String target = signedIn.headers().firstValue("Location").orElse("");
				if (signedIn.statusCode() != 302 || target.contains("/connexion")) {
					throw new IllegalStateException("sign-in refused: " + signedIn.statusCode() + " " + target);
				}
				HttpResponse<String> csrfToken = send(get("/reponses/jeton"));
				if (csrfToken.statusCode() != 200) {
					throw new IllegalStateException("/reponses/jeton answered " + csrfToken.statusCode());
				}
				this.csrf = csrfToken.body().strip();
				HttpResponse<String> response = send(get("/reponses/" + this.responseId));
				if (response.statusCode() != 200) {
					throw new IllegalStateException("/reponses/" + this.responseId + " answered " + response.statusCode());
				}
			}

			void loop(long start, long measuredFrom, long end) {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				long offset = random.nextLong(Load.this.intervalNanos);
				long jitter = Load.this.intervalNanos / 10;
				for (int seq = 1;; seq++) {
					long intended = start + offset + (seq - 1) * Load.this.intervalNanos
							+ random.nextLong(-jitter, jitter + 1);
					if (intended >= end) {
						return;
					}
					if (intended < measuredFrom && System.nanoTime() > intended + Load.this.intervalNanos) {
						// Behind during the warm-up: skip rather than carry a backlog into
						// the measured window.
						count("warm-up skipped (behind schedule)");
						continue;
					}
					if (System.nanoTime() >= end) {
						// Too far behind: what was not sent by the end counts as failed.
						count("measured not sent by the end (behind schedule)");
						Load.this.timings.add(new long[] { (System.nanoTime() - intended) / 1000, 0, -1, 0 });
						continue;
					}
					sleepUntil(intended);
					Field field = FIELDS.get((seq - 1) % FIELDS.size());
					long sent = System.nanoTime();
					String outcome;
					try {
						outcome = save(field, seq);
					}
					catch (RuntimeException ex) {
						// Whatever went wrong, the save may have been committed: in doubt,
						// and counted, never a silent end of this person's load.
						doubt(field, seq);
						outcome = "failed (" + ex + ")";
					}
					long done = System.nanoTime();
					Load.this.sentAll.incrementAndGet();
					if (intended >= measuredFrom) {
						long second = (done - measuredFrom) / 1_000_000_000L;
						boolean saved = outcome.equals("saved");
						Load.this.timings.add(new long[] { (done - intended) / 1000, (done - sent) / 1000, second,
								(saved && done < end) ? 1 : 0 });
						count("measured " + outcome);
					}
				}
			}

			/** One autosave; what came of it. */
			private String save(Field field, int seq) {
				String name = field.code() + ".0";
				int seen = this.versions.getOrDefault(name, 0);
				Plain answer;
				try {
					answer = this.connection.post("/reponses/" + this.responseId + "/valeurs", cookieHeader(),
							form("champ", name, "f." + name, field.typed(seq), "v." + name, Integer.toString(seen),
									"_csrf", this.csrf));
					answer.setCookies().forEach(this::keepCookie);
				}
				catch (java.net.ConnectException ex) {
					return "failed (no connection)"; // never reached the server
				}
				catch (IOException ex) {
					doubt(field, seq);
					return "failed (" + ex.getClass().getSimpleName() + ")";
				}
				if (answer.status() != 200) {
					if (answer.status() >= 500) {
						doubt(field, seq);
					}
					return "HTTP " + answer.status();
				}
				Matcher state = STATE.matcher(answer.body());
				String result = state.find() ? state.group(1) : "unreadable";
				switch (result) {
					case "saved" -> {
						Matcher version = field.version().matcher(answer.body());
						if (!version.find()) {
							doubt(field, seq);
							return "saved without version";
						}
						int stored = Integer.parseInt(version.group(1));
						this.versions.put(name, stored);
						Load.this.acks.add(new Ack(true, this.responseId, field.code(), seq, stored, field.canonical(seq)));
						Load.this.acknowledgedAll.incrementAndGet();
					}
					case "conflict" -> {
						// Not expected: nobody else edits these fields. Take the server's
						// version so that the next save of the field goes through.
						Matcher version = CONFLICT_VERSION.matcher(answer.body());
						if (version.find()) {
							this.versions.put(name, Integer.parseInt(version.group(1)));
						}
					}
					case "error" -> {
						// Refused with a message: nothing stored.
					}
					default -> doubt(field, seq); // an answer that says nothing readable
				}
				return result;
			}

			private void doubt(Field field, int seq) {
				Load.this.acks.add(new Ack(false, this.responseId, field.code(), seq, 0, field.canonical(seq)));
			}

			private HttpRequest.Builder get(String path) {
				return HttpRequest.newBuilder(URI.create(Load.this.baseUrl + path)).timeout(Duration.ofSeconds(30));
			}

			private HttpRequest.Builder post(String path, String form) {
				return get(path).header("Content-Type", "application/x-www-form-urlencoded")
					.header("HX-Request", "true")
					.POST(HttpRequest.BodyPublishers.ofString(form));
			}

			private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
				if (!this.cookies.isEmpty()) {
					request.header("Cookie", String.join("; ",
							this.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
				}
				HttpResponse<String> response = Load.this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofString());
				response.headers().allValues("Set-Cookie").forEach(this::keepCookie);
				return response;
			}

			private String cookieHeader() {
				return String.join("; ", this.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList());
			}

			private void keepCookie(String setCookie) {
				String pair = setCookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String cookieName = pair.substring(0, equals).strip();
				String value = pair.substring(equals + 1).strip();
				if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
					this.cookies.remove(cookieName);
				}
				else {
					this.cookies.put(cookieName, value);
				}
			}

		}

	}

	/**
	 * CPU seconds used so far (Linux, /proc, 100 ticks a second): by the application, by
	 * its PostgreSQL server's processes, by this load generator, and by the whole machine
	 * (busy and in all).
	 */
	record Cpu(double application, double postgres, double generator, double machineBusy, double machineTotal) {

		static Cpu now(Long appPid, Path dbDir) {
			double postgres = 0;
			try {
				long postmaster = Long.parseLong(Files.readAllLines(dbDir.resolve("postmaster.pid")).get(0).strip());
				postgres = seconds(postmaster) + ProcessHandle.of(postmaster)
					.map(server -> server.descendants().mapToDouble(child -> seconds(child.pid())).sum())
					.orElse(0.0);
				String[] machine = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long[] ticks = new long[8];
				for (int i = 0; i < 8; i++) {
					ticks[i] = Long.parseLong(machine[i + 1]);
				}
				long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7];
				long total = busy + ticks[3] + ticks[4];
				return new Cpu((appPid != null) ? seconds(appPid) : 0, postgres, seconds(ProcessHandle.current().pid()),
						busy / 100.0, total / 100.0);
			}
			catch (IOException | RuntimeException ex) {
				return new Cpu(0, 0, 0, 0, 0); // not Linux, or a process gone
			}
		}

		private static double seconds(long pid) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
			}
			catch (IOException | RuntimeException ex) {
				return 0;
			}
		}

		Cpu minus(Cpu before) {
			return new Cpu(this.application - before.application, this.postgres - before.postgres,
					this.generator - before.generator, this.machineBusy - before.machineBusy,
					this.machineTotal - before.machineTotal);
		}

		String describe(int saves) {
			double others = this.machineBusy - this.application - this.postgres - this.generator;
			return String.format(
					"CPU in the measured window (%.0f s of CPU on this machine's %d cores): application %.1f s"
							+ " (%.2f ms per save), PostgreSQL %.1f s (%.2f ms per save), load generator %.1f s;"
							+ " other processes %.1f s; idle %.1f s",
					this.machineTotal, Runtime.getRuntime().availableProcessors(), this.application,
					1000 * this.application / Math.max(1, saves), this.postgres, 1000 * this.postgres / Math.max(1, saves),
					this.generator, others, this.machineTotal - this.machineBusy);
		}

	}

	private static String form(String... namesAndValues) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.append(i == 0 ? "" : "&")
				.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return form.toString();
	}

	// --------------------------------------------------------------------------- check

	record Key(long responseId, String code) {
	}

	static boolean check(Path dbDir, Path acksFile) throws IOException, SQLException {
		List<Ack> acks;
		try (Stream<String> lines = Files.lines(acksFile)) {
			acks = lines.filter(line -> !line.isBlank()).map(Ack::parse).toList();
		}
		Set<String> history = new HashSet<>();
		Map<Key, String[]> stored = new HashMap<>();
		int historyRows = 0;
		try (Connection db = connect(dbDir)) {
			ResultSet rows = db.createStatement().executeQuery("""
					select h.response_id, h.code, h.new_value from answer_history h
					join response r on r.id = h.response_id join campaign c on c.id = r.campaign_id
					where c.data_year = 2099 and h.item = 0""");
			while (rows.next()) {
				history.add(rows.getLong(1) + "\t" + rows.getString(2) + "\t" + rows.getString(3));
				historyRows++;
			}
			rows = db.createStatement().executeQuery("""
					select a.response_id, a.code, a.value, a.version from answer a
					join response r on r.id = a.response_id join campaign c on c.id = r.campaign_id
					where c.data_year = 2099 and a.item = 0""");
			while (rows.next()) {
				stored.put(new Key(rows.getLong(1), rows.getString(2)),
						new String[] { rows.getString(3), Integer.toString(rows.getInt(4)) });
			}
		}
		List<String> problems = new ArrayList<>();
		int acknowledged = 0;
		int found = 0;
		Map<Key, Ack> lastAck = new HashMap<>();
		for (Ack ack : acks) {
			if (!ack.acknowledged()) {
				continue;
			}
			acknowledged++;
			if (history.contains(ack.responseId() + "\t" + ack.code() + "\t" + ack.value())) {
				found++;
			}
			else {
				problems.add("acknowledged save not in answer_history: " + ack.line());
			}
			lastAck.merge(new Key(ack.responseId(), ack.code()), ack, (a, b) -> (a.seq() > b.seq()) ? a : b);
		}
		Map<Key, List<Ack>> doubtsOf = new HashMap<>();
		acks.stream()
			.filter(ack -> !ack.acknowledged())
			.forEach(ack -> doubtsOf.computeIfAbsent(new Key(ack.responseId(), ack.code()), key -> new ArrayList<>())
				.add(ack));
		int finalAcknowledged = 0;
		int finalLater = 0;
		for (Map.Entry<Key, Ack> entry : lastAck.entrySet()) {
			Ack last = entry.getValue();
			String[] row = stored.get(entry.getKey());
			if (row != null && row[0].equals(last.value()) && Integer.parseInt(row[1]) == last.version()) {
				finalAcknowledged++;
			}
			else if (row != null && Integer.parseInt(row[1]) > last.version()
					&& doubtsOf.getOrDefault(entry.getKey(), List.of())
						.stream()
						.anyMatch(doubt -> doubt.seq() > last.seq() && doubt.value().equals(row[0]))) {
				finalLater++;
			}
			else {
				problems.add("field " + entry.getKey() + " holds " + ((row == null) ? "nothing" : Arrays.toString(row))
						+ " instead of its last acknowledged value " + last.value() + " (version " + last.version()
						+ ")");
			}
		}
		long doubts = acks.stream().filter(ack -> !ack.acknowledged()).count();
		System.out.printf("acknowledged saves: %d; found in answer_history: %d; missing: %d%n", acknowledged, found,
				acknowledged - found);
		System.out.printf("answer_history rows of the bench responses: %d (%d more than acknowledged; %d saves were"
				+ " in doubt: sent, never answered)%n", historyRows, historyRows - acknowledged, doubts);
		System.out.printf("fields saved: %d; holding their last acknowledged value: %d; a later save in doubt: %d;"
				+ " wrong: %d%n", lastAck.size(), finalAcknowledged, finalLater,
				lastAck.size() - finalAcknowledged - finalLater);
		problems.stream().limit(20).forEach(problem -> System.out.println("  " + problem));
		boolean ok = problems.isEmpty() && historyRows - acknowledged <= doubts;
		System.out.printf("RESULT acknowledged=%d found=%d missing=%d history=%d doubts=%d fields=%d final_ok=%d"
				+ " final_later=%d final_wrong=%d ok=%s%n", acknowledged, found, acknowledged - found, historyRows,
				doubts, lastAck.size(), finalAcknowledged, finalLater, lastAck.size() - finalAcknowledged - finalLater,
				ok);
		return ok;
	}

}
