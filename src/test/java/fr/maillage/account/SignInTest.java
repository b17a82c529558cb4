package fr.maillage.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import fr.maillage.support.MaillageIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MaillageIntegrationTest
@AutoConfigureMockMvc
class SignInTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	@Test
	void signsInADemoAccountAndLandsOnItsPersonalSpace() throws Exception {
		Cookie anonymousSession = sessionCookie(this.mvc.perform(get("/connexion")).andReturn());
		MvcResult result = this.mvc
			.perform(signIn("conseillere.caf66@maillage.example", DemoAccounts.PASSWORD).cookie(anonymousSession))
			.andExpect(redirectedUrl("/espace"))
			.andReturn();
		Cookie signedIn = sessionCookie(result);
		// Session fixation: the session id changes when the person signs in.
		assertThat(signedIn.getValue()).isNotEqualTo(anonymousSession.getValue());

		this.mvc.perform(get("/espace").cookie(signedIn))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bonjour Inès Roca")))
			.andExpect(content().string(containsString("Conseillère ou conseiller Caf")));
	}

	@Test
	void theNationalAdministrationFindsTheOutboxFromItsPersonalSpaceAndNobodyElse() throws Exception {
		this.mvc.perform(get("/espace").with(user(this.accounts.loadUserByUsername("admin@maillage.example"))))
			.andExpect(content().string(containsString("href=\"/admin/courriels\"")));
		this.mvc
			.perform(get("/espace").with(user(this.accounts.loadUserByUsername("conseillere.caf66@maillage.example"))))
			.andExpect(content().string(not(containsString("/admin/courriels"))));
	}

	@Test
	void acceptsTheAddressInAnyCase() throws Exception {
		this.mvc.perform(signIn("  Conseillere.CAF66@Maillage.EXAMPLE ", DemoAccounts.PASSWORD))
			.andExpect(redirectedUrl("/espace"));
	}

	@Test
	void sendsAnonymousVisitorsOfThePersonalSpaceToTheSignInPage() throws Exception {
		this.mvc.perform(get("/espace")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/connexion"));
	}

	@Test
	void saysTheSameThingForAWrongPasswordAndAnUnknownAddressAndKeepsTheTypedAddress() throws Exception {
		MvcResult failure = this.mvc.perform(signIn("admin@maillage.example", "wrong"))
			.andExpect(redirectedUrl("/connexion?erreur"))
			.andReturn();
		this.mvc.perform(get("/connexion").param("erreur", "").cookie(sessionCookie(failure)))
			.andExpect(content().string(containsString("Adresse e-mail ou mot de passe incorrect")))
			.andExpect(content().string(containsString("value=\"admin@maillage.example\"")));

		this.mvc.perform(signIn("nobody-" + UUID.randomUUID() + "@maillage.example", "wrong"))
			.andExpect(redirectedUrl("/connexion?erreur"));
	}

	@Test
	void refusesASignInFormWithoutItsCsrfToken() throws Exception {
		this.mvc
			.perform(post("/connexion").param("email", "admin@maillage.example")
				.param("motDePasse", DemoAccounts.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void blocksAnAccountAfterFiveFailuresEvenWithTheRightPasswordThenAcceptsItAgainLater() throws Exception {
		String email = createAccount("Bonne-Phrase-2026");
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(signIn(email, "wrong-" + attempt)).andExpect(redirectedUrl("/connexion?erreur"));
		}
		this.mvc.perform(signIn(email, "Bonne-Phrase-2026")).andExpect(redirectedUrl("/connexion?attente=1"));
		this.mvc.perform(get("/connexion").param("attente", "1"))
			.andExpect(content().string(containsString("Trop de tentatives de connexion ont échoué")))
			.andExpect(content().string(containsString("réessayez dans 1 minute(s)")));

		// Once the block is over, the right password works and clears the counter.
		this.jdbc.sql("update login_throttle set blocked_until = ? where key_value = ?")
			.params(OffsetDateTime.now(this.clock).minusSeconds(1), email)
			.update();
		this.mvc.perform(signIn(email, "Bonne-Phrase-2026")).andExpect(redirectedUrl("/espace"));
		assertThat(this.jdbc.sql("select count(*) from login_throttle where key_kind = 'ACCOUNT' and key_value = ?")
			.param(email)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void blocksAnUnknownAddressExactlyLikeAnExistingOneSoNothingIsRevealed() throws Exception {
		String unknown = "personne-" + UUID.randomUUID() + "@maillage.example";
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(signIn(unknown, "wrong")).andExpect(redirectedUrl("/connexion?erreur"));
		}
		this.mvc.perform(signIn(unknown, "wrong")).andExpect(redirectedUrl("/connexion?attente=1"));
	}

	@Test
	void doublesTheBlockAtEachFurtherFailureUpToAnHour() {
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.clock,
				new LoginThrottleProperties(5, java.time.Duration.ofMinutes(1), java.time.Duration.ofHours(1),
						java.time.Duration.ofHours(24), 100, java.time.Duration.ofHours(1),
						java.time.Duration.ofMinutes(15)));
		assertThat(throttle.accountBlock(5)).hasMinutes(1);
		assertThat(throttle.accountBlock(6)).hasMinutes(2);
		assertThat(throttle.accountBlock(8)).hasMinutes(8);
		assertThat(throttle.accountBlock(40)).hasHours(1);
	}

	@Test
	void blocksAClientAddressPastItsOwnMuchHigherLimit() {
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.clock,
				new LoginThrottleProperties(5, java.time.Duration.ofMinutes(1), java.time.Duration.ofHours(1),
						java.time.Duration.ofHours(24), 20, java.time.Duration.ofHours(1),
						java.time.Duration.ofMinutes(15)));
		String office = "192.0.2." + (int) (Math.random() * 250);
		this.jdbc.sql("delete from login_throttle where key_value = ?").param(office).update();
		// A whole Caf office behind one address: 19 different people mistype once each.
		for (int person = 1; person < 20; person++) {
			throttle.recordFailure("agent" + person + "@caf.example", office);
		}
		assertThat(throttle.refusal("someone-else@caf.example", office)).isEmpty();
		throttle.recordFailure("agent20@caf.example", office);
		assertThat(throttle.refusal("someone-else@caf.example", office))
			.hasValueSatisfying(wait -> assertThat(wait).hasMinutes(15));
	}

	@Test
	void storesPasswordsOnlyAsBcryptHashes() {
		assertThat(this.jdbc.sql("select password_hash from app_user where password_hash is not null")
			.query(String.class)
			.list()).isNotEmpty().allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt}$2a$"));
	}

	@Test
	void sendsAContentSecurityPolicyWithoutInlineScripts() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void signsOutAndSaysSo() throws Exception {
		MvcResult result = this.mvc.perform(signIn("conseillere.caf66@maillage.example", DemoAccounts.PASSWORD))
			.andReturn();
		this.mvc.perform(post("/deconnexion").cookie(sessionCookie(result)).with(csrf()))
			.andExpect(redirectedUrl("/?deconnecte"));
		this.mvc.perform(get("/").param("deconnecte", ""))
			.andExpect(content().string(containsString("Vous êtes déconnecté·e")));
	}

	private String createAccount(String password) {
		return TestAccounts.create(this.jdbc, this.passwordEncoder, password);
	}

	/**
	 * The session as the browser holds it: Spring Session's cookie (ADR 11), since the
	 * servlet container's own session object is not where the session lives.
	 */
	static Cookie sessionCookie(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

	/** The sign-in form, posted with its CSRF token. */
	static MockHttpServletRequestBuilder signIn(String email, String password) {
		return post("/connexion").param("email", email).param("motDePasse", password).with(csrf());
	}

}
