package fr.maillage.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.support.MaillageIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What people do for themselves: second factor, passwords, personal data. */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class SelfServiceTest {

	private static final Pattern RESET_LINK = Pattern.compile("/mot-de-passe/([A-Za-z0-9_-]{20,})");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	@Autowired
	InactiveAccounts inactiveAccounts;

	@Test
	void aNationalAdministratorNeedsTheCodeOfTheirApplicationAndCannotReplayIt() throws Exception {
		String admin = "admin2@maillage.example";
		this.jdbc.sql("update app_user set totp_last_step = null where email = ?").param(admin).update();
		Cookie session = SignInTest.sessionCookie(this.mvc
			.perform(post("/connexion").with(csrf()).param("email", admin).param("motDePasse", DemoAccounts.PASSWORD))
			.andExpect(redirectedUrl("/connexion/code"))
			.andReturn());
		// The password alone does not sign in.
		this.mvc.perform(get("/espace").cookie(session)).andExpect(redirectedUrl("/connexion"));

		this.mvc.perform(post("/connexion/code").cookie(session).with(csrf()).param("code", "000000"))
			.andExpect(content().string(containsString("Ce code n’est pas valide")));
		String code = Totp.code(DemoAccountFixtures.totpSecret(admin), this.clock.instant());
		MvcResult signedIn = this.mvc.perform(post("/connexion/code").cookie(session).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/espace"))
			.andReturn();
		Cookie renewed = signedIn.getResponse().getCookie("SESSION");
		this.mvc.perform(get("/espace").cookie((renewed != null) ? renewed : session)).andExpect(status().isOk());

		// The same code a second time is refused.
		Cookie other = SignInTest.sessionCookie(this.mvc
			.perform(post("/connexion").with(csrf()).param("email", admin).param("motDePasse", DemoAccounts.PASSWORD))
			.andReturn());
		this.mvc.perform(post("/connexion/code").cookie(other).with(csrf()).param("code", code))
			.andExpect(content().string(containsString("Ce code n’est pas valide")));
		assertThat(this.jdbc
			.sql("""
					select distinct action from audit_entry
					where action like 'signin.second-factor.%' and object_id = (select id::text from app_user where email = ?)""")
			.param(admin)
			.query(String.class)
			.list()).contains("signin.second-factor.failed", "signin.second-factor.succeeded");
	}

	@Test
	void aNationalAdministratorWithoutSecondFactorMustSetOneUpBeforeAnythingElse() throws Exception {
		this.jdbc.sql("update app_user set totp_secret = null, totp_enabled_at = null where email = ?")
			.param("admin2@maillage.example")
			.update();
		AccountPrincipal admin = this.accounts.loadUserByUsername("admin2@maillage.example");
		this.mvc.perform(get("/personnes").with(user(admin)))
			.andExpect(redirectedUrl("/compte/double-authentification"));
		MvcResult setup = this.mvc.perform(get("/compte/double-authentification").with(user(admin)))
			.andExpect(content().string(containsString("L’administration nationale doit utiliser")))
			.andReturn();
		Cookie session = SignInTest.sessionCookie(setup);
		String secret = setup.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*<p class=\"secret fs-4\">([A-Z2-7 ]+)</p>.*", "$1")
			.replace(" ", "");
		this.mvc
			.perform(post("/compte/double-authentification").cookie(session)
				.with(user(admin))
				.with(csrf())
				.param("code", Totp.code(secret, this.clock.instant())))
			.andExpect(content().string(containsString("Vos codes de secours")));
		this.mvc.perform(get("/personnes").with(user(this.accounts.loadUserByUsername("admin2@maillage.example"))))
			.andExpect(status().isOk());
		// Put back the demo secret for the other tests.
		this.jdbc.sql("update app_user set totp_secret = ?, totp_last_step = null where email = ?")
			.params(DemoAccountFixtures.totpSecret("admin2@maillage.example"), "admin2@maillage.example")
			.update();
	}

	@Test
	void aRightPasswordDoesNotBuyANewSeriesOfCodeGuesses() throws Exception {
		String admin = "admin@maillage.example";
		this.jdbc.sql("delete from login_throttle where key_value = ?").param(admin).update();
		Cookie session = passwordStep(admin);
		for (int guess = 0; guess < 4; guess++) {
			this.mvc.perform(post("/connexion/code").cookie(session).with(csrf()).param("code", "000000"))
				.andExpect(content().string(containsString("Ce code n’est pas valide")));
		}
		// The password again, then one more guess: the fifth failure of the account.
		session = passwordStep(admin);
		this.mvc.perform(post("/connexion/code").cookie(session).with(csrf()).param("code", "000000"));
		this.mvc
			.perform(post("/connexion").with(csrf()).param("email", admin).param("motDePasse", DemoAccounts.PASSWORD))
			.andExpect(redirectedUrl("/connexion?attente=1"));
		this.jdbc.sql("delete from login_throttle where key_value = ?").param(admin).update();
	}

	@Test
	void changingOnesPasswordSignsOutOtherSessions() throws Exception {
		String email = createAccount("Ancien-mot-2026!");
		Cookie here = passwordSignIn(email, "Ancien-mot-2026!");
		Cookie elsewhere = passwordSignIn(email, "Ancien-mot-2026!");
		this.mvc.perform(get("/espace").cookie(elsewhere)).andExpect(status().isOk());
		this.mvc
			.perform(post("/compte/mot-de-passe").cookie(here)
				.with(csrf())
				.param("current", "Ancien-mot-2026!")
				.param("password", "Nouveau-jardin-2026")
				.param("confirmation", "Nouveau-jardin-2026"))
			.andExpect(redirectedUrl("/compte"));
		this.mvc.perform(get("/espace").cookie(here)).andExpect(status().isOk());
		this.mvc.perform(get("/espace").cookie(elsewhere)).andExpect(redirectedUrl("/connexion"));
	}

	private Cookie passwordStep(String email) throws Exception {
		return SignInTest.sessionCookie(this.mvc
			.perform(post("/connexion").with(csrf()).param("email", email).param("motDePasse", DemoAccounts.PASSWORD))
			.andExpect(redirectedUrl("/connexion/code"))
			.andReturn());
	}

	private Cookie passwordSignIn(String email, String password) throws Exception {
		return SignInTest.sessionCookie(
				this.mvc.perform(post("/connexion").with(csrf()).param("email", email).param("motDePasse", password))
					.andExpect(redirectedUrl("/espace"))
					.andReturn());
	}

	@Test
	void turningTheSecondFactorOffNeedsACurrentCode() throws Exception {
		String email = createAccount("Ancien-mot-2026!");
		long id = this.accounts.loadUserByUsername(email).id();
		String secret = Totp.newSecret();
		this.jdbc.sql("update app_user set totp_secret = ?, totp_enabled_at = now() where id = ?")
			.params(secret, id)
			.update();
		AccountPrincipal user = this.accounts.loadUserByUsername(email);
		this.mvc.perform(post("/compte/double-authentification/desactiver").with(user(user)).with(csrf()))
			.andExpect(content().string(containsString("Ce code n’est pas valide")));
		assertThat(this.accounts.loadUserByUsername(email).secondFactorEnabled()).isTrue();
		this.mvc
			.perform(post("/compte/double-authentification/desactiver").with(user(user))
				.with(csrf())
				.param("code", Totp.code(secret, this.clock.instant())))
			.andExpect(redirectedUrl("/compte/double-authentification"));
		assertThat(this.accounts.loadUserByUsername(email).secondFactorEnabled()).isFalse();
	}

	@Test
	void renamingOneselfIsTracedWithoutTheNames() throws Exception {
		String email = createAccount("Ancien-mot-2026!");
		AccountPrincipal user = this.accounts.loadUserByUsername(email);
		this.mvc.perform(post("/compte").with(user(user)).with(csrf()).param("displayName", "Nouveau Nom"))
			.andExpect(redirectedUrl("/compte"));
		this.mvc.perform(post("/compte").with(user(user)).with(csrf()).param("displayName", "  "))
			.andExpect(content().string(containsString("Indiquez votre nom")));
		assertThat(this.jdbc.sql("select display_name from app_user where id = ?")
			.param(user.id())
			.query(String.class)
			.single()).isEqualTo("Nouveau Nom");
		assertThat(
				this.jdbc.sql("select after::text from audit_entry where action = 'profile.renamed' and object_id = ?")
					.param(Long.toString(user.id()))
					.query(String.class)
					.single())
			.doesNotContain("Nouveau Nom");
	}

	@Test
	void aForgottenPasswordIsResetThroughASingleUseLinkWithoutRevealingWhichAddressesExist() throws Exception {
		String email = createAccount("Ancien-mot-2026!");
		long before = countResetMails();
		this.mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", email.toUpperCase()))
			.andExpect(content().string(containsString("Si un compte actif utilise cette adresse")));
		this.mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", "personne@inconnue.example"))
			.andExpect(content().string(containsString("Si un compte actif utilise cette adresse")));
		// Asking again at once sends nothing more, so nobody can flood a mailbox.
		this.mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", email))
			.andExpect(content().string(containsString("Si un compte actif utilise cette adresse")));
		assertThat(countResetMails()).isEqualTo(before + 1);

		String token = resetToken(email);
		this.mvc
			.perform(post("/mot-de-passe/" + token).with(csrf())
				.param("password", "Nouveau-jardin-2026")
				.param("confirmation", "Nouveau-jardin-2026"))
			.andExpect(redirectedUrl("/connexion"));
		this.mvc
			.perform(post("/connexion").with(csrf()).param("email", email).param("motDePasse", "Nouveau-jardin-2026"))
			.andExpect(redirectedUrl("/espace"));
		this.mvc.perform(get("/mot-de-passe/" + token))
			.andExpect(content().string(containsString("Ce lien ne fonctionne plus")));
	}

	@Test
	void changingOnesPasswordNeedsTheCurrentOneAndFollowsTheRule() throws Exception {
		String email = createAccount("Ancien-mot-2026!");
		AccountPrincipal user = this.accounts.loadUserByUsername(email);
		this.mvc
			.perform(post("/compte/mot-de-passe").with(user(user))
				.with(csrf())
				.param("current", "pas-le-bon")
				.param("password", "tropcourt")
				.param("confirmation", "tropcourt"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Le mot de passe actuel n’est pas le bon")))
			.andExpect(content().string(containsString("au moins 12 caractères")));
		this.mvc
			.perform(post("/compte/mot-de-passe").with(user(user))
				.with(csrf())
				.param("current", "Ancien-mot-2026!")
				.param("password", "Nouveau-jardin-2026")
				.param("confirmation", "Nouveau-jardin-2026"))
			.andExpect(redirectedUrl("/compte"));
		String hash = this.jdbc.sql("select password_hash from app_user where email = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(this.passwordEncoder.matches("Nouveau-jardin-2026", hash)).isTrue();
	}

	@Test
	void aPersonDownloadsTheirDataAndAskForErasureWhichAnAdministratorConfirms() throws Exception {
		String email = createAccount("Ancien-mot-2026!");
		AccountPrincipal user = this.accounts.loadUserByUsername(email);
		this.mvc.perform(get("/compte/donnees").with(user(user)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(jsonPath("$.compte.adresse").value(email));

		this.jdbc.sql("""
				insert into invitation (email, display_name, role, scope_kind, scope_code, token_hash, created_at,
				                        expires_at)
				values (?, 'Personne de test', 'REVIEWER', 'DEPARTEMENT', '11', ?, now(), now() + interval '7 days')""")
			.params(email.toUpperCase(), "hash-" + email)
			.update();
		this.mvc.perform(post("/compte/effacement").with(user(user)).with(csrf())).andExpect(redirectedUrl("/compte"));
		long request = this.jdbc.sql("select id from erasure_request where user_id = ?")
			.param(user.id())
			.query(Long.class)
			.single();
		this.mvc.perform(post("/admin/effacements/" + request + "/confirmer").with(user(admin())).with(csrf()))
			.andExpect(redirectedUrl("/admin/effacements"));

		assertThat(
				this.jdbc.sql("select email from app_user where id = ?").param(user.id()).query(String.class).single())
			.isEqualTo("efface-" + user.id() + "@invalid");
		assertThat(this.jdbc.sql("select count(*) from invitation where lower(email) = ?")
			.param(email)
			.query(Long.class)
			.single()).as("invitations keep no trace of the address").isZero();
		this.mvc.perform(get("/compte").with(user(user))).andExpect(redirectedUrl("/connexion"));
	}

	@Test
	void warnsAccountsUnusedForElevenMonthsThenDeactivatesThemAtTwelve() {
		String email = createAccount("Ancien-mot-2026!");
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("update app_user set last_login_at = ? where email = ?")
			.params(now.minusMonths(11).minusDays(5), email)
			.update();
		// The scheduled entry point, as the scheduler calls it.
		this.inactiveAccounts.daily();
		assertThat(this.jdbc
			.sql("select count(*) from email_outbox where recipient = ? and template = 'inactivity-warning'")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(enabled(email)).isTrue();

		// A year without sign-in, warned more than two weeks ago: deactivated; warned
		// once only.
		this.jdbc.sql("update app_user set last_login_at = ?, inactivity_warned_at = ? where email = ?")
			.params(now.minusMonths(12).minusDays(1), now.minusDays(20), email)
			.update();
		this.inactiveAccounts.run();
		assertThat(enabled(email)).isFalse();
		assertThat(this.jdbc
			.sql("select count(*) from email_outbox where recipient = ? and template = 'inactivity-warning'")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private boolean enabled(String email) {
		return this.jdbc.sql("select enabled from app_user where email = ?").param(email).query(Boolean.class).single();
	}

	private AccountPrincipal admin() {
		return this.accounts.loadUserByUsername("admin@maillage.example");
	}

	private String createAccount(String password) {
		return TestAccounts.createReviewer(this.jdbc, this.passwordEncoder, password);
	}

	private long countResetMails() {
		return this.jdbc.sql("select count(*) from email_outbox where template = 'password-reset'")
			.query(Long.class)
			.single();
	}

	private String resetToken(String email) {
		String body = this.jdbc.sql(
				"select body_text from email_outbox where recipient = ? and template = 'password-reset' order by id desc limit 1")
			.param(email)
			.query(String.class)
			.single();
		Matcher link = RESET_LINK.matcher(body);
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

}
