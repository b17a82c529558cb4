import java.io.IOException;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The observatory benchmark's client (issue 7), run by bench/observatory.sh with
 * {@code java -cp postgresql.jar bench/ObservatoryLoad.java <command> ...}. Times are what
 * this client sees on localhost: from just before a request is sent to its body read in
 * full (java.net.http, HTTP/1.1, one keep-alive connection, no If-None-Match, no
 * compression asked for).
 * <ul>
 * <li>{@code times --base-url URL --db-dir DIR [--kinds pages,api] [--cold 3] [--warm 5]}:
 * every territory (the nation, each region, each département) for the latest year with
 * validated responses, page and/or API. A <em>cold</em> pass follows a clear of the
 * figures cache: the generation in {@code observatory_state} is moved by one, which every
 * instance sees within its poll (200 ms) and empties its cache for, as after a refresh
 * (nothing else changes); then 1 s of rest. <em>Warm</em> passes come after one unmeasured
 * pass. Percentiles per kind, cold and warm apart; also any Set-Cookie an anonymous
 * visitor was given.</li>
 * <li>{@code validate --base-url URL --db-dir DIR [--samples 20] [--poll-ms 50]
 * [--via api|page]}: for each sample, a Caf advisor (a demo account) validates a submitted
 * response of the latest data year in their département through the review form; the
 * client polls the département's figures every 50 ms until their count of validated
 * responses moves, and records the time from the validation sent to that answer. The
 * validation is then withdrawn (the figures go back, timed too), so the data end as they
 * began.</li>
 * </ul>
 */
public class ObservatoryLoad {

	static final String PASSWORD = "Maillage-demo-2026";

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static final Pattern VALIDATED = Pattern
		.compile("\"responses\"\\s*:\\s*\\{[^}]*\"validated\"\\s*:\\s*(\\d+)");

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			throw new IllegalArgumentException("usage: times|validate --base-url URL --db-dir DIR ...");
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		String base = options.getOrDefault("base-url", "http://localhost:18083");
		Path dbDir = Path.of(options.getOrDefault("db-dir", "target/bench-observatory/data/postgres"));
		switch (args[0]) {
			case "times" -> new Times(base, dbDir, List.of(options.getOrDefault("kinds", "pages,api").split(",")),
					Integer.parseInt(options.getOrDefault("cold", "3")),
					Integer.parseInt(options.getOrDefault("warm", "5")))
				.run();
			case "validate" -> new Validate(base, dbDir, Integer.parseInt(options.getOrDefault("samples", "20")),
					Integer.parseInt(options.getOrDefault("poll-ms", "50")), options.getOrDefault("via", "api"))
				.run();
			default -> throw new IllegalArgumentException("unknown command " + args[0]);
		}
	}

	/** The embedded server's JDBC connection; its port is line 4 of postmaster.pid. */
	static Connection database(Path dbDir) throws IOException, SQLException {
		String port = Files.readAllLines(dbDir.resolve("postmaster.pid")).get(3).strip();
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/maillage?user=postgres");
	}

	/** The latest data year with figures, as the pages choose it (validated responses). */
	static int latestYear(Connection db) throws SQLException {
		try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
				select max(k.data_year) from campaign k
				where k.data_year <= extract(year from now())::int - 1
				and exists (select 1 from response r where r.campaign_id = k.id and r.status = 'VALIDATED')""")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Nearest-rank percentile of sorted values. */
	static double percentile(double[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static String summary(List<Double> millis) {
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return "no sample";
		}
		return String.format(Locale.ROOT, "n=%d  min %.1f  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms", sorted.length,
				sorted[0], percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
				sorted[sorted.length - 1]);
	}

	/** A territory: its id in the API, its page path, its level. */
	record Territory(String id, String page, String level) {
	}

	static List<Territory> territories(Connection db) throws SQLException {
		List<Territory> territories = new ArrayList<>();
		territories.add(new Territory("nation", "/observatoire", "nation"));
		try (var statement = db.createStatement();
				ResultSet rs = statement.executeQuery("select code from region order by code")) {
			while (rs.next()) {
				territories.add(new Territory("region:" + rs.getString(1),
						"/observatoire/regions/" + rs.getString(1), "region"));
			}
		}
		try (var statement = db.createStatement();
				ResultSet rs = statement.executeQuery("select code from departement order by code")) {
			while (rs.next()) {
				territories.add(new Territory("departement:" + rs.getString(1),
						"/observatoire/departements/" + rs.getString(1), "departement"));
			}
		}
		return territories;
	}

	static final class Times {

		private final String base;

		private final Path dbDir;

		private final List<String> kinds;

		private final int cold;

		private final int warm;

		private final HttpClient http = client();

		private final Map<String, List<Double>> samples = new LinkedHashMap<>();

		private final Map<String, Integer> statuses = new LinkedHashMap<>();

		private final Map<String, Double> slowest = new HashMap<>();

		private int setCookies;

		private String aSetCookie;

		Times(String base, Path dbDir, List<String> kinds, int cold, int warm) {
			this.base = base;
			this.dbDir = dbDir;
			this.kinds = kinds;
			this.cold = cold;
			this.warm = warm;
		}

		void run() throws Exception {
			List<Territory> territories;
			int year;
			try (Connection db = database(this.dbDir)) {
				territories = territories(db);
				year = latestYear(db);
				System.out.printf("%d territories (%d départements), data year %d, kinds %s%n", territories.size(),
						territories.stream().filter(t -> t.level().equals("departement")).count(), year, this.kinds);
				for (int pass = 1; pass <= this.cold; pass++) {
					for (String kind : this.kinds) {
						clearFigureCache(db);
						List<Double> before = new ArrayList<>(
								this.samples.getOrDefault(kind + " cold all", List.of()));
						pass(kind, "cold", territories, year, true);
						List<Double> these = new ArrayList<>(this.samples.get(kind + " cold all"));
						these.subList(0, before.size()).clear();
						double total = these.stream().mapToDouble(Double::doubleValue).sum();
						System.out.printf(Locale.ROOT, "%s cold pass %d (%s): %s; first request %.1f ms, pass %.1f s%n",
								kind, pass, (pass == 1) ? "the first after start" : "after a clear", summary(these),
								these.getFirst(), total / 1000);
					}
				}
			}
			for (String kind : this.kinds) {
				pass(kind, "warm-up", territories, year, false);
			}
			for (int pass = 1; pass <= this.warm; pass++) {
				for (String kind : this.kinds) {
					pass(kind, "warm", territories, year, true);
				}
			}
			for (var entry : this.samples.entrySet()) {
				System.out.printf("%-28s %s%n", entry.getKey(), summary(entry.getValue()));
			}
			for (var entry : this.slowest.entrySet()) {
				System.out.printf(Locale.ROOT, "slowest %-20s %.1f ms%n", entry.getKey(), entry.getValue());
			}
			System.out.println("statuses: " + this.statuses);
			System.out.println("anonymous responses with a Set-Cookie: " + this.setCookies
					+ ((this.aSetCookie != null) ? " (e.g. " + this.aSetCookie + ")" : ""));
		}

		/**
		 * Moves the figures' generation: every instance's FigureCache empties at its next
		 * poll, as after a refresh, without any figure changing.
		 */
		private static void clearFigureCache(Connection db) throws SQLException, InterruptedException {
			try (var statement = db.createStatement()) {
				statement.executeUpdate("update observatory_state set generation = generation + 1 where id = 1");
			}
			Thread.sleep(1000);
		}

		private void pass(String kind, String phase, List<Territory> territories, int year, boolean measured)
				throws IOException, InterruptedException {
			for (Territory territory : territories) {
				String path = kind.equals("api")
						? "/api/v1/figures?territory=" + encode(territory.id()) + "&year=" + year
						: territory.page() + "?annee=" + year;
				HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
					.timeout(Duration.ofSeconds(60))
					.header("Accept", kind.equals("api") ? "application/json" : "text/html")
					.GET()
					.build();
				long sent = System.nanoTime();
				HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				double millis = (System.nanoTime() - sent) / 1e6;
				this.statuses.merge(kind + " " + response.statusCode(), 1, Integer::sum);
				var cookie = response.headers().firstValue("Set-Cookie");
				if (cookie.isPresent()) {
					this.setCookies++;
					this.aSetCookie = path + " -> " + cookie.get().split(";", 2)[0].replaceAll("=.*", "=…");
				}
				if (measured) {
					this.samples.computeIfAbsent(kind + " " + phase + " all", k -> new ArrayList<>()).add(millis);
					this.samples.computeIfAbsent(kind + " " + phase + " " + territory.level(), k -> new ArrayList<>())
						.add(millis);
					this.slowest.merge(kind + " " + phase, millis, Math::max);
				}
			}
		}

	}

	static final class Validate {

		private final String base;

		private final Path dbDir;

		private final int samples;

		private final int pollMillis;

		private final String via;

		private final HttpClient http = client();

		/** Signed-in advisors: e-mail -> session cookies. */
		private final Map<String, Map<String, String>> sessions = new HashMap<>();

		Validate(String base, Path dbDir, int samples, int pollMillis, String via) {
			this.base = base;
			this.dbDir = dbDir;
			this.samples = samples;
			this.pollMillis = pollMillis;
			this.via = via;
		}

		/** A submitted response and who may validate it. */
		record Candidate(long response, String departement, String advisor) {
		}

		void run() throws Exception {
			try (Connection db = database(this.dbDir)) {
				int year = latestYear(db);
				List<Candidate> candidates = candidates(db, year);
				System.out.printf("data year %d: %d submitted responses in départements with a demo Caf advisor%n",
						year, candidates.size());
				if (candidates.isEmpty()) {
					throw new IllegalStateException("no submitted response to validate");
				}
				List<Double> toVisible = new ArrayList<>();
				List<Double> posts = new ArrayList<>();
				List<Double> backVisible = new ArrayList<>();
				List<Integer> polls = new ArrayList<>();
				for (int sample = 0; sample < this.samples; sample++) {
					Candidate candidate = candidates.get(sample % candidates.size());
					Map<String, String> cookies = signedIn(candidate.advisor());
					String figures = figuresPath(candidate.departement(), year);
					String before = state(figures);
					String csrf = reviewToken(candidate.response(), cookies);
					int version = version(db, candidate.response());
					long sent = System.nanoTime();
					HttpResponse<String> posted = send(post("/revue/" + candidate.response() + "/validation",
							"version=" + version + "&_csrf=" + encode(csrf), cookies), cookies);
					double post = (System.nanoTime() - sent) / 1e6;
					if (posted.statusCode() != 302 || !status(db, candidate.response()).equals("VALIDATED")) {
						throw new IllegalStateException("validation of " + candidate.response() + " refused: "
								+ posted.statusCode() + " " + status(db, candidate.response()));
					}
					int[] pollCount = new int[1];
					double visible = waitForChange(figures, before, sent, pollCount);
					String after = state(figures);
					toVisible.add(visible);
					posts.add(post);
					polls.add(pollCount[0]);
					// Withdraw it: the figures go back to what they were.
					csrf = reviewToken(candidate.response(), cookies);
					version = version(db, candidate.response());
					long withdrawn = System.nanoTime();
					HttpResponse<String> back = send(post("/revue/" + candidate.response() + "/devalidation",
							"version=" + version + "&motif=" + encode("Mesure de performance : validation retirée.")
									+ "&_csrf=" + encode(csrf),
							cookies), cookies);
					if (back.statusCode() != 302 || !status(db, candidate.response()).equals("SUBMITTED")) {
						throw new IllegalStateException("unvalidation of " + candidate.response() + " refused: "
								+ back.statusCode() + " " + status(db, candidate.response()));
					}
					double reverted = waitForChange(figures, after, withdrawn, new int[1]);
					backVisible.add(reverted);
					System.out.printf(Locale.ROOT,
							"sample %2d: response %d (département %s, %s): POST %.0f ms, visible after %.0f ms "
									+ "(%d polls; %s -> %s); withdrawn, back after %.0f ms%n",
							sample + 1, candidate.response(), candidate.departement(), candidate.advisor(), post,
							visible, pollCount[0], before, after, reverted);
					if (!state(figures).equals(before)) {
						System.out.println("  note: the figures did not come back to " + before);
					}
				}
				System.out.println("validation POST:                " + summary(posts));
				System.out.println("validate -> visible (" + this.via + "):     " + summary(toVisible));
				System.out.println("unvalidate -> visible (" + this.via + "):   " + summary(backVisible));
				System.out.println("polls per sample: " + polls);
			}
		}

		private String figuresPath(String departement, int year) {
			return this.via.equals("page") ? "/observatoire/departements/" + departement + "?annee=" + year
					: "/api/v1/figures?territory=" + encode("departement:" + departement) + "&year=" + year;
		}

		/**
		 * What changes when a response is validated: the count of validated responses in
		 * the API's JSON; for a page, the page itself.
		 */
		private String state(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			if (this.via.equals("api")) {
				Matcher validated = VALIDATED.matcher(response.body());
				if (validated.find()) {
					return "validated=" + validated.group(1);
				}
				throw new IllegalStateException("no responses.validated in " + path);
			}
			return "page#" + Integer.toHexString(response.body().hashCode());
		}

		/**
		 * Polls every pollMillis (measured from each poll's start) until the state differs;
		 * the time from {@code since} to the answer that shows it.
		 */
		private double waitForChange(String path, String from, long since, int[] polls)
				throws IOException, InterruptedException {
			long deadline = since + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				long pollStart = System.nanoTime();
				polls[0]++;
				if (!state(path).equals(from)) {
					return (System.nanoTime() - since) / 1e6;
				}
				long wait = pollStart + this.pollMillis * 1_000_000L - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(Duration.ofNanos(wait));
				}
			}
			throw new IllegalStateException(path + " still " + from + " after 60 s");
		}

		private List<Candidate> candidates(Connection db, int year) throws SQLException {
			// Submitted responses, one département after another in turn, validated by the
			// first demo Caf advisor of their département (no structure role of their own).
			List<Candidate> candidates = new ArrayList<>();
			try (PreparedStatement statement = db.prepareStatement("""
					select r.id, s.departement_code, u.email,
					       row_number() over (partition by s.departement_code order by r.id) as rank
					from response r join campaign c on c.id = r.campaign_id
					join structure s on s.id = r.structure_id
					join lateral (select u.email from role_assignment ra join app_user u on u.id = ra.user_id
					              where ra.role = 'CAF_ADVISOR' and ra.scope_kind = 'DEPARTEMENT'
					                and ra.scope_code = s.departement_code and u.email like '%@maillage.example'
					              order by u.id limit 1) u on true
					where c.data_year = ? and r.status = 'SUBMITTED'
					order by rank, s.departement_code""")) {
				statement.setInt(1, year);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						candidates.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)));
					}
				}
			}
			return candidates;
		}

		private static int version(Connection db, long response) throws SQLException {
			try (PreparedStatement statement = db.prepareStatement("select version from response where id = ?")) {
				statement.setLong(1, response);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					return rs.getInt(1);
				}
			}
		}

		private static String status(Connection db, long response) throws SQLException {
			try (PreparedStatement statement = db.prepareStatement("select status from response where id = ?")) {
				statement.setLong(1, response);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					return rs.getString(1);
				}
			}
		}

		private Map<String, String> signedIn(String email) throws IOException, InterruptedException {
			Map<String, String> cookies = this.sessions.get(email);
			if (cookies != null) {
				return cookies;
			}
			cookies = new LinkedHashMap<>();
			HttpResponse<String> page = send(get("/connexion", cookies), cookies);
			Matcher token = CSRF.matcher(page.body());
			if (!token.find()) {
				throw new IllegalStateException("no CSRF token on /connexion");
			}
			HttpResponse<String> signedIn = send(post("/connexion", "email=" + encode(email) + "&motDePasse="
					+ encode(PASSWORD) + "&_csrf=" + encode(token.group(1)), cookies), cookies);
			String target = signedIn.headers().firstValue("Location").orElse("");
			if (signedIn.statusCode() != 302 || target.contains("/connexion")) {
				throw new IllegalStateException("sign-in of " + email + " refused: " + signedIn.statusCode() + " "
						+ target);
			}
			this.sessions.put(email, cookies);
			return cookies;
		}

		private String reviewToken(long response, Map<String, String> cookies)
				throws IOException, InterruptedException {
			HttpResponse<String> page = send(get("/revue/" + response, cookies), cookies);
			if (page.statusCode() != 200) {
				throw new IllegalStateException("/revue/" + response + " answered " + page.statusCode());
			}
			Matcher token = CSRF.matcher(page.body());
			if (!token.find()) {
				throw new IllegalStateException("no CSRF token on /revue/" + response);
			}
			return token.group(1);
		}

		private HttpRequest get(String path, Map<String, String> cookies) {
			return withCookies(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), cookies).build();
		}

		private HttpRequest post(String path, String form, Map<String, String> cookies) {
			return withCookies(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)), cookies).build();
		}

		private static HttpRequest.Builder withCookies(HttpRequest.Builder request, Map<String, String> cookies) {
			request.timeout(Duration.ofSeconds(30));
			if (!cookies.isEmpty()) {
				request.header("Cookie", String.join("; ",
						cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
			}
			return request;
		}

		private HttpResponse<String> send(HttpRequest request, Map<String, String> cookies)
				throws IOException, InterruptedException {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				String pair = setCookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				String name = pair.substring(0, equals).strip();
				String value = pair.substring(equals + 1).strip();
				if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			return response;
		}

	}

}
