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
		this.baseUrl = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
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
		Matcher token = CSRF.matcher(get("/connexion").body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on the sign-in page");
		}
		String form = "email=" + encode(email) + "&motDePasse=" + encode(password) + "&_csrf=" + encode(token.group(1));
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/connexion"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.headers().firstValue("Location").orElse("");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
