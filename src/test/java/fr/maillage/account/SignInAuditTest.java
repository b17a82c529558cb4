package fr.maillage.account;

import java.util.List;
import java.util.UUID;

import fr.maillage.support.MaillageIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Sign-ins, failures, throttled attempts and sign-outs leave security entries in the
 * audit trail, none of which holds the address that was typed.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class SignInAuditTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	long lastIdBefore;

	record Entry(String category, String action, Long actorUserId, String objectType, String objectId,
			String clientAddress, String wholeRow) {
	}

	@BeforeEach
	void rememberWhereTheTrailEnds() {
		this.lastIdBefore = this.jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
	}

	@Test
	void recordsASuccessfulSignInAndTheSignOutAgainstTheAccount() throws Exception {
		String email = createAccount("Bonne-Phrase-2026");
		long id = idOf(email);
		Cookie session = SignInTest.sessionCookie(this.mvc.perform(SignInTest.signIn(email, "Bonne-Phrase-2026"))
			.andExpect(redirectedUrl("/espace"))
			.andReturn());
		this.mvc.perform(post("/deconnexion").cookie(session).with(csrf())).andExpect(redirectedUrl("/?deconnecte"));

		List<Entry> entries = newEntries();
		assertThat(entries).extracting(Entry::action).containsExactly("signin.succeeded", "signout");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.category()).isEqualTo("SECURITY");
			assertThat(entry.actorUserId()).isEqualTo(id);
			assertThat(entry.objectType()).isEqualTo("user");
			assertThat(entry.objectId()).isEqualTo(Long.toString(id));
		});
		assertThat(entries.getFirst().clientAddress()).isEqualTo("127.0.0.1");
		assertNoEmailIn(entries, email);
	}

	@Test
	void recordsAFailureAgainstTheAccountWithoutTheTypedAddress() throws Exception {
		String email = createAccount("Bonne-Phrase-2026");
		this.mvc.perform(SignInTest.signIn(email.toUpperCase(), "wrong")).andExpect(redirectedUrl("/connexion?erreur"));

		List<Entry> entries = newEntries();
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("signin.failed");
			assertThat(entry.actorUserId()).as("nobody is signed in").isNull();
			assertThat(entry.objectId()).isEqualTo(Long.toString(idOf(email)));
			assertThat(entry.clientAddress()).isEqualTo("127.0.0.1");
		});
		assertNoEmailIn(entries, email);
	}

	@Test
	void recordsAFailureOnAnUnknownAddressWithNoObjectAtAll() throws Exception {
		String unknown = "personne-" + UUID.randomUUID() + "@maillage.example";
		this.mvc.perform(SignInTest.signIn(unknown, "wrong")).andExpect(redirectedUrl("/connexion?erreur"));

		List<Entry> entries = newEntries();
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("signin.failed");
			assertThat(entry.objectType()).isNull();
			assertThat(entry.objectId()).isNull();
			assertThat(entry.clientAddress()).isEqualTo("127.0.0.1");
		});
		assertNoEmailIn(entries, unknown);
	}

	@Test
	void recordsAThrottledAttemptApartFromTheFailuresBeforeIt() throws Exception {
		String email = createAccount("Bonne-Phrase-2026");
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.mvc.perform(SignInTest.signIn(email, "wrong-" + attempt))
				.andExpect(redirectedUrl("/connexion?erreur"));
		}
		this.mvc.perform(SignInTest.signIn(email, "Bonne-Phrase-2026"))
			.andExpect(redirectedUrl("/connexion?attente=1"));

		List<Entry> entries = newEntries();
		assertThat(entries).extracting(Entry::action)
			.containsExactly("signin.failed", "signin.failed", "signin.failed", "signin.failed", "signin.failed",
					"signin.throttled");
		assertThat(entries.getLast().objectId()).isEqualTo(Long.toString(idOf(email)));
		assertNoEmailIn(entries, email);
	}

	private List<Entry> newEntries() {
		return this.jdbc.sql("""
				select category, action, actor_user_id, object_type, object_id,
				       after ->> 'clientAddress' as client_address, to_jsonb(e)::text as whole_row
				from audit_entry e where id > ? order by id""").param(this.lastIdBefore).query(Entry.class).list();
	}

	private static void assertNoEmailIn(List<Entry> entries, String email) {
		assertThat(entries).extracting(Entry::wholeRow)
			.allSatisfy(row -> assertThat(row).doesNotContainIgnoringCase(email).doesNotContain("@"));
	}

	private long idOf(String email) {
		return this.jdbc.sql("select id from app_user where email = ?").param(email).query(Long.class).single();
	}

	private String createAccount(String password) {
		return TestAccounts.create(this.jdbc, this.passwordEncoder, password);
	}

}
