package fr.maillage.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.util.JSONObjectUtils;
import fr.maillage.support.HttpSession;
import fr.maillage.support.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import testsupport.oidc.OidcTestProvider;
import testsupport.oidc.OidcTestProvider.Client;
import testsupport.oidc.OidcTestProvider.Person;
import testsupport.oidc.OidcTestProvider.Received;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through OIDC providers, for real: a provider runs in the test
 * ({@link OidcTestProvider}, Spring Authorization Server behaving as ProConnect where it
 * matters), Maillage runs on its own port, and a client with cookies follows every
 * redirect and fills the provider's form, as a browser would. Two providers are
 * configured: "proconnect" (signed UserInfo, acr_values, addresses always verified) and
 * "standard" (plain JSON UserInfo, email_verified required).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestSettings.DATA_DIR, TestSettings.DEMO_SIZE, TestSettings.CLOCK })
@DirtiesContext
class OidcSignInTest {

	static final String INVITED = "agente.invitee@exemple.fr";

	static final String UNVERIFIED = "adresse.non.verifiee@exemple.fr";

	static final String UNKNOWN = "inconnue@exemple.fr";

	static final OidcTestProvider provider = OidcTestProvider.start(List.of(
			// ProConnect gives no email_verified: its addresses are all verified.
			new Person("agente", INVITED, null, null), new Person("claire", "Admin@Maillage.example", null, null),
			new Person("lucie", "direction.cs66@maillage.example", null, "eidas0"),
			new Person("ines", "conseillere.caf66@maillage.example", true, null),
			new Person("nonverifiee", UNVERIFIED, false, null), new Person("inconnue", UNKNOWN, true, null)));

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		String registration = "spring.security.oauth2.client.registration.";
		registry.add(registration + "proconnect.client-id", () -> "maillage-proconnect");
		registry.add(registration + "proconnect.client-secret", () -> "secret-proconnect");
		registry.add(registration + "proconnect.scope", () -> "openid,email,given_name,usual_name");
		registry.add("spring.security.oauth2.client.provider.proconnect.issuer-uri", provider::issuer);
		registry.add("maillage.oidc.proconnect.label", () -> "ProConnect");
		registry.add("maillage.oidc.proconnect.acr-values", () -> "eidas1");
		registry.add("maillage.oidc.proconnect.userinfo-signed", () -> "true");
		registry.add("maillage.oidc.proconnect.emails-verified", () -> "true");
		registry.add(registration + "standard.client-id", () -> "maillage-standard");
		registry.add(registration + "standard.client-secret", () -> "secret-standard");
		registry.add(registration + "standard.scope", () -> "openid,email,profile");
		registry.add("spring.security.oauth2.client.provider.standard.issuer-uri", provider::issuer);
		registry.add("maillage.oidc.standard.label", () -> "Fournisseur de test");
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Browser browser;

	long lastAuditEntry;

	@BeforeEach
	void registerMaillageAtTheProvider() {
		provider
			.register(new Client("maillage-proconnect", "secret-proconnect", true, app("/login/oauth2/code/proconnect"),
					app("/?deconnecte"), Set.of("openid", "email", "given_name", "usual_name")));
		provider.register(new Client("maillage-standard", "secret-standard", false, app("/login/oauth2/code/standard"),
				app("/?deconnecte"), Set.of("openid", "email", "profile")));
		this.browser = new Browser();
		this.lastAuditEntry = this.jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
	}

	@Test
	void theSignInPageOffersOneButtonPerProviderBesideThePasswordForm() throws Exception {
		Page page = this.browser.open(app("/connexion"));
		assertThat(page.body()).contains("href=\"/oauth2/authorization/proconnect\"", "Se connecter avec ProConnect",
				"href=\"/oauth2/authorization/standard\"", "Se connecter avec Fournisseur de test",
				"name=\"motDePasse\"");
		// Signing out redirects to the provider after a form: browsers check that too.
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("form-action 'self' " + provider.issuer() + ";"));
	}

	@Test
	void anInvitedAddressSignsInThroughProConnectAndTheInvitationIsAccepted() throws Exception {
		long invitation = invite(INVITED);

		Page page = signInWith("proconnect", "agente");

		assertThat(page.uri().getPath()).isEqualTo("/espace");
		assertThat(page.body()).contains("Bonjour Agente invitée", "Équipe de structure");
		long userId = this.jdbc.sql("select id from app_user where email = ? and password_hash is null")
			.param(INVITED)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select role from role_assignment where user_id = ?")
			.param(userId)
			.query(String.class)
			.list()).containsExactly("STRUCTURE_STAFF");
		assertThat(this.jdbc.sql("select accepted_by from invitation where id = ?")
			.param(invitation)
			.query(Long.class)
			.single()).isEqualTo(userId);
		// ProConnect's particulars reached it: the level asked for, with nonce and PKCE.
		Received authorization = provider.received("/oauth2/authorize").getLast();
		assertThat(authorization.parameter("client_id")).isEqualTo("maillage-proconnect");
		assertThat(authorization.parameter("acr_values")).isEqualTo("eidas1");
		assertThat(authorization.parameter("nonce")).isNotBlank();
		assertThat(authorization.parameter("code_challenge_method")).isEqualTo("S256");
		assertThat(newAuditEntries()).extracting(AuditEntry::action)
			.containsExactly("role.granted", "invitation.accepted", "signin.oidc.succeeded");
	}

	@Test
	void anExistingAccountSignsInThroughAStandardProviderAndFindsItsRoles() throws Exception {
		Page page = signInWith("standard", "ines");

		assertThat(page.uri().getPath()).isEqualTo("/espace");
		assertThat(page.body()).contains("Bonjour Inès Roca", "Conseillère ou conseiller Caf");
		assertThat(provider.received("/oauth2/authorize").getLast().parameter("acr_values")).isNull();
		assertThat(newAuditEntries()).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("signin.oidc.succeeded");
			assertThat(entry.wholeRow()).contains("\"provider\": \"standard\"");
		});
	}

	@Test
	void anAddressTheProviderDidNotVerifyIsRefusedAndItsInvitationStaysOpen() throws Exception {
		long invitation = invite(UNVERIFIED);
		long users = countUsers();

		Page page = signInWith("standard", "nonverifiee");

		assertThat(page.uri().getPath()).isEqualTo("/connexion/refus");
		assertThat(page.body()).contains("Connexion impossible",
				"Fournisseur de test n’indique pas avoir vérifié que l’adresse " + UNVERIFIED);
		assertThat(countUsers()).isEqualTo(users);
		assertThat(this.jdbc.sql("select accepted_at is null from invitation where id = ?")
			.param(invitation)
			.query(Boolean.class)
			.single()).isTrue();
		assertRefusal("email-unverified");
		assertThat(this.browser.open(app("/espace")).uri().getPath()).isEqualTo("/connexion");
	}

	@Test
	void anAddressWithoutAccountNorInvitationIsRefusedAndNothingIsCreated() throws Exception {
		long users = countUsers();

		Page page = signInWith("standard", "inconnue");

		assertThat(page.uri().getPath()).isEqualTo("/connexion/refus");
		assertThat(page.body()).contains("Aucun compte Maillage n’est associé à l’adresse " + UNKNOWN,
				"demandez une invitation");
		assertThat(countUsers()).isEqualTo(users);
		assertRefusal("no-account");
		// The note is shown once: the address does not stay in the session.
		assertThat(this.browser.open(app("/connexion/refus")).uri().getPath()).isEqualTo("/connexion");
	}

	@Test
	void anAuthenticationLevelOtherThanTheOneAskedForIsRefused() throws Exception {
		Page page = signInWith("proconnect", "lucie");

		assertThat(page.uri().getPath()).isEqualTo("/connexion/refus");
		assertThat(page.body()).contains("Le niveau de sécurité de votre connexion avec ProConnect ne suffit pas");
		assertRefusal("acr-not-accepted");
	}

	@Test
	void aSignInCancelledAtTheProviderEndsOnTheRefusalPage() throws Exception {
		Page form = this.browser.open(app("/oauth2/authorization/standard"));
		String state = provider.received("/oauth2/authorize").getLast().parameter("state");

		// What the provider answers when the person cancels.
		Page page = this.browser.open(app("/login/oauth2/code/standard?error=access_denied&state=" + state));

		assertThat(form.uri().getHost()).isEqualTo("127.0.0.1");
		assertThat(page.uri().getPath()).isEqualTo("/connexion/refus");
		assertThat(page.body()).contains("La connexion avec Fournisseur de test n’a pas abouti");
		assertThat(newAuditEntries()).singleElement()
			.satisfies(entry -> assertThat(entry.wholeRow()).contains("\"reason\": \"provider-error\"",
					"\"error\": \"access_denied\"", "\"provider\": \"standard\""));
	}

	@Test
	void aNationalAdministratorStillGivesTheirCodeAndSigningOutEndsTheProviderSessionToo() throws Exception {
		Page code = signInWith("proconnect", "claire");
		assertThat(code.uri().getPath()).isEqualTo("/connexion/code");
		assertThat(this.browser.open(app("/espace")).uri().getPath()).as("not signed in before the code")
			.isEqualTo("/connexion");

		String secret = DemoAccountFixtures.totpSecret("admin@maillage.example");
		Page space = this.browser.submit(app("/connexion/code"), Map.of("code", Totp.code(secret, this.clock.instant()),
				"_csrf", this.browser.open(app("/connexion/code")).csrf()));
		assertThat(space.uri().getPath()).isEqualTo("/espace");
		assertThat(space.body()).contains("Bonjour Claire Vasseur");

		Page home = this.browser.submit(app("/deconnexion"), Map.of("_csrf", space.csrf()));

		Received logout = provider.received("/connect/logout").getLast();
		Map<String, Object> hint = payload(logout.parameter("id_token_hint"));
		assertThat(hint).containsEntry("sub", "claire");
		assertThat(hint.get("aud")).isIn("maillage-proconnect", List.of("maillage-proconnect"));
		assertThat(logout.parameter("post_logout_redirect_uri")).isEqualTo(app("/?deconnecte"));
		assertThat(logout.parameter("state")).isNotBlank();
		assertThat(home.uri().toString()).startsWith(app("/?deconnecte"));
		assertThat(home.body()).contains("Vous êtes déconnecté·e");
		assertThat(this.browser.open(app("/espace")).uri().getPath()).isEqualTo("/connexion");
	}

	@Test
	void aPasswordSessionStillSignsOutWithoutVisitingAnyProvider() throws Exception {
		HttpSession visitor = new HttpSession(this.port);
		assertThat(visitor.signIn("equipe.cs66@maillage.example", DemoAccountFixtures.password())).endsWith("/espace");
		int logouts = provider.received("/connect/logout").size();

		assertThat(visitor.signOut()).endsWith("/?deconnecte");
		assertThat(provider.received("/connect/logout")).hasSize(logouts);
	}

	/** Clicks the provider's button and signs in on its form: where Maillage ends. */
	private Page signInWith(String registrationId, String username) throws Exception {
		Page form = this.browser.open(app("/oauth2/authorization/" + registrationId));
		assertThat(form.uri().getHost()).as("the provider's sign-in form").isEqualTo("127.0.0.1");
		return this.browser.submit(form.uri().resolve("/login").toString(),
				Map.of("username", username, "password", OidcTestProvider.PASSWORD, "_csrf", form.csrf()));
	}

	/** An open invitation to the staff of the first centre of the Pyrénées-Orientales. */
	private long invite(String email) {
		return this.jdbc.sql("""
				insert into invitation (email, display_name, role, scope_kind, scope_code, token_hash, invited_by,
				                        created_at, expires_at)
				values (?, 'Agente invitée', 'STRUCTURE_STAFF', 'STRUCTURE',
				        (select id::text from structure where departement_code = '66' order by id limit 1), ?,
				        (select id from app_user where email = 'admin@maillage.example'), ?, ?)
				returning id""")
			.params(email, UUID.randomUUID().toString(), OffsetDateTime.now(this.clock),
					OffsetDateTime.now(this.clock).plusDays(7))
			.query(Long.class)
			.single();
	}

	private void assertRefusal(String reason) {
		assertThat(newAuditEntries()).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("signin.oidc.refused");
			assertThat(entry.wholeRow()).contains("\"reason\": \"" + reason + "\"").doesNotContain("@");
		});
	}

	record AuditEntry(String action, String wholeRow) {
	}

	private List<AuditEntry> newAuditEntries() {
		return this.jdbc
			.sql("select action, to_jsonb(e)::text as whole_row from audit_entry e where id > ? order by id")
			.param(this.lastAuditEntry)
			.query(AuditEntry.class)
			.list();
	}

	private long countUsers() {
		return this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	private String app(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The claims of a JWT, read without checking it: the provider checks it. */
	private static Map<String, Object> payload(String jwt) throws Exception {
		return JSONObjectUtils
			.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
	}

	/** A page reached after following every redirect. */
	record Page(URI uri, int status, String body, HttpHeaders headers) {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		String csrf() {
			Matcher token = CSRF.matcher(this.body);
			assertThat(token.find()).as("a CSRF token on %s", this.uri).isTrue();
			return token.group(1);
		}

	}

	/**
	 * A browser, as far as sign-in goes: cookies per host (Maillage at localhost, the
	 * provider at 127.0.0.1, so that they do not mix), redirects followed one by one.
	 */
	static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		Page open(String url) throws IOException, InterruptedException {
			return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()));
		}

		Page submit(String url, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			return follow(send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))));
		}

		private Page follow(HttpResponse<String> response) throws IOException, InterruptedException {
			for (int hop = 0; hop < 20; hop++) {
				String location = response.headers().firstValue("Location").orElse(null);
				if (response.statusCode() / 100 != 3 || location == null) {
					return new Page(response.uri(), response.statusCode(), response.body(), response.headers());
				}
				response = send(HttpRequest.newBuilder(response.uri().resolve(location)).GET());
			}
			throw new IllegalStateException("Too many redirects from " + response.uri());
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return this.client.send(request.header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
