package fr.maillage.account;

import java.util.List;
import java.util.Optional;

import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.ScopeKind;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads an account by e-mail address (case and spaces ignored) or id, with its
 * assignments.
 */
@Service
@Unscoped("the security machinery itself: it loads the signed-in person")
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For the password sign-in: an account without a password (invited through an OIDC
	 * provider, or whose first password is still to be chosen) cannot sign in with one,
	 * and is reported like an unknown address.
	 */
	@Override
	public AccountPrincipal loadUserByUsername(String email) {
		return load("lower(email) = lower(?) and password_hash is not null", email.strip())
			.orElseThrow(() -> new UsernameNotFoundException("No account with a password for this e-mail"));
	}

	Optional<AccountPrincipal> loadById(long id) {
		return load("id = ?", id);
	}

	/** Whatever its state (enabled or not, with or without a password). */
	Optional<AccountPrincipal> loadByEmail(String normalizedEmail) {
		return load("lower(email) = ?", normalizedEmail);
	}

	/**
	 * Runs on every request of a signed-in person ({@link AccountRefreshFilter}), so its
	 * row is read column by column: JdbcClient's mapping to a record tries each camelCase
	 * component as a column name first and throws an exception for it, on every row.
	 */
	private Optional<AccountPrincipal> load(String condition, Object value) {
		record Row(long id, String email, String displayName, String passwordHash, boolean enabled,
				boolean secondFactor) {
		}
		return this.jdbc.sql("""
				select id, email, display_name, password_hash, enabled, totp_enabled_at is not null as second_factor
				from app_user""" + " where " + condition)
			.param(value)
			.query((rs, number) -> new Row(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("second_factor")))
			.optional()
			.map(row -> {
				String hash = (row.passwordHash() != null) ? row.passwordHash() : "";
				return new AccountPrincipal(row.id(), row.email(), hash, row.enabled(), row.displayName(),
						assignmentsOf(row.id()), row.secondFactor());
			});
	}

	List<RoleAssignment> assignmentsOf(long userId) {
		return this.jdbc.sql("""
				select id, role, scope_kind, scope_code from role_assignment where user_id = ?
				order by role, scope_kind, scope_code""")
			.param(userId)
			.query((rs, row) -> new RoleAssignment(rs.getLong("id"), Role.valueOf(rs.getString("role")),
					ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("scope_code")))
			.list();
	}

}
