package fr.maillage.structure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.account.DemoAccountFixtures;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large uploads over real HTTP, where the servlet container enforces the multipart limits
 * (MockMvc does not): the page answers in French rather than with an error page.
 */
@MaillageIntegrationTest
class ImportUploadLimitTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	private HttpClient client;

	@BeforeEach
	void signIn() throws Exception {
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String token = find(CSRF, get("/connexion"));
		HttpResponse<String> signedIn = this.client.send(
				request("/connexion").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("email="
							+ URLEncoder.encode(RegistryImportExportTest.ADVISOR_66, StandardCharsets.UTF_8)
							+ "&motDePasse=" + URLEncoder.encode(DemoAccountFixtures.password(), StandardCharsets.UTF_8)
							+ "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/espace");
	}

	@Test
	void aFileOverTheImportLimitButUnderTheUploadLimitIsRefusedOnThePage() throws Exception {
		HttpResponse<String> response = upload(15 * 1024 * 1024);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Le fichier dépasse 10 Mo");
	}

	@Test
	void aFileOverTheUploadLimitIsRefusedOnThePage() throws Exception {
		HttpResponse<String> response = upload(20 * 1024 * 1024 + 1);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("Le fichier dépasse 10 Mo");
	}

	@Test
	void aDocumentOverTheUploadLimitGetsAFrenchPageLeadingBackToTheRecord(@Autowired JdbcClient jdbc) throws Exception {
		long structure = jdbc.sql("select min(id) from structure where departement_code = '66'")
			.query(Long.class)
			.single();
		long approval = jdbc.sql("select approval_id from structure_main_approval where structure_id = ?")
			.param(structure)
			.query(Long.class)
			.single();
		HttpResponse<String> response = upload("/registre/" + structure + "/agrements/" + approval + "/documents",
				20 * 1024 * 1024 + 1);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("Le fichier dépasse 20 Mo", "href=\"/registre/" + structure + "\"");
	}

	@Test
	void aBulkInvitationFileOverItsLimitGetsItsOwnPageWithAFrenchMessage() throws Exception {
		HttpResponse<String> overItsLimit = upload("/personnes/inviter-en-masse", 3 * 1024 * 1024);
		assertThat(overItsLimit.statusCode()).isEqualTo(200);
		assertThat(overItsLimit.body()).contains("Ce fichier dépasse 2 Mo");
		HttpResponse<String> overTheUploadLimit = upload("/personnes/inviter-en-masse", 20 * 1024 * 1024 + 1);
		assertThat(overTheUploadLimit.statusCode()).isEqualTo(413);
		assertThat(overTheUploadLimit.body()).contains("Ce fichier dépasse 2 Mo");
	}

	private HttpResponse<String> upload(int size) throws IOException, InterruptedException {
		return upload("/registre/import", size);
	}

	private HttpResponse<String> upload(String path, int size) throws IOException, InterruptedException {
		String token = find(CSRF, get("/registre/import"));
		String boundary = "----limite" + System.nanoTime();
		// As a browser posts the form: the CSRF token, then the file.
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"gros.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + size + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		Arrays.fill(body, head.length, head.length + size, (byte) 'a');
		System.arraycopy(tail, 0, body, head.length + size, tail.length);
		return this.client.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String get(String path) throws IOException, InterruptedException {
		return this.client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", "text/html");
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("%s in %s", pattern, html).isTrue();
		return matcher.group(1);
	}

}
