package fr.maillage.account;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts made for one test: a fresh address each time, so tests never share one. */
final class TestAccounts {

	private TestAccounts() {
	}

	/**
	 * An enabled account with that password, signed in a moment ago, without any role.
	 */
	static String create(JdbcClient jdbc, PasswordEncoder encoder, String password) {
		String email = "test-" + UUID.randomUUID() + "@maillage.example";
		jdbc.sql("""
				insert into app_user (email, display_name, password_hash, enabled, created_at, last_login_at)
				values (?, 'Personne de test', ?, true, now(), now())""")
			.params(email, encoder.encode(password))
			.update();
		return email;
	}

	/** The same, with a reviewer's role in the Pyrénées-Orientales. */
	static String createReviewer(JdbcClient jdbc, PasswordEncoder encoder, String password) {
		String email = create(jdbc, encoder, password);
		jdbc.sql("""
				insert into role_assignment (user_id, role, scope_kind, scope_code, granted_at)
				select id, 'REVIEWER', 'DEPARTEMENT', '66', now() from app_user where email = ?""")
			.param(email)
			.update();
		return email;
	}

}
