package fr.maillage.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sessions of an account, kept in PostgreSQL by Spring Session. When a password
 * changes, whoever else was signed in with the old one is signed out everywhere.
 */
@Component
class Sessions {

	private final JdbcClient jdbc;

	Sessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ends every session of the account but {@code keptSessionId} (may be null). */
	int endAllBut(String email, String keptSessionId) {
		return this.jdbc.sql("""
				delete from spring_session
				where lower(principal_name) = lower(?) and (cast(? as text) is null or session_id <> ?)""")
			.params(email, keptSessionId, keptSessionId)
			.update();
	}

}
