package fr.maillage.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A visitor talking to the running application over real HTTP, with cookies: what MockMvc
 * cannot show, such as the error pages rendered by the servlet container.
 */
public final class HttpSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient client;

	public HttpSession(int port) {
		this(port,
				HttpClient.newBuilder()
					.cookieHandler(new CookieManager())
					.followRedirects(HttpClient.Redirect.NEVER)
					.build());
	}

	private HttpSession(int port, HttpClient client) {
		this.baseUrl = "http://localhost:" + port;
		this.client = client;
	}

	/**
	 * The same visitor, with the same cookies, sent to another application instance on
	 * this machine, as a load balancer would.
	 */
	public HttpSession onPort(int port) {
		return new HttpSession(port, this.client);
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Signs in through the real form, CSRF token included; returns the redirect target.
	 */
	public String signIn(String email, String password) throws IOException, InterruptedException {
		return post("/connexion", "email=" + encode(email) + "&motDePasse=" + encode(password) + "&_csrf="
				+ encode(csrfToken("/connexion")));
	}

	/**
	 * Signs out through the form of the page header; returns the redirect target.
	 */
	public String signOut() throws IOException, InterruptedException {
		return post("/deconnexion", "_csrf=" + encode(csrfToken("/espace")));
	}

	/**
	 * Submits a form of {@code page} to {@code path} with one field, CSRF token included;
	 * returns the response.
	 */
	public HttpResponse<String> submit(String page, String path, String field, String value)
			throws IOException, InterruptedException {
		String form = encode(field) + "=" + encode(value) + "&_csrf=" + encode(csrfToken(page));
		return this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String csrfToken(String page) throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get(page).body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on " + page);
		}
		return token.group(1);
	}

	private String post(String path, String form) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.headers().firstValue("Location").orElse("");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
