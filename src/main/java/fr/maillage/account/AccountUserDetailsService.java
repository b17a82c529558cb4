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
	 * Runs on every request of a signed-in person ({@link AccountRefreshFilter}), so the
	 * account and its assignments come in one round trip (one row per assignment), read
	 * column by column: JdbcClient's mapping to a record tries each camelCase component
	 * as a column name first and throws an exception for it, on every row.
	 */
	private Optional<AccountPrincipal> load(String condition, Object value) {
		record Row(long id, String email, String displayName, String passwordHash, boolean enabled,
				boolean secondFactor, RoleAssignment assignment) {
		}
		List<Row> rows = this.jdbc.sql("""
				select u.id, u.email, u.display_name, u.password_hash, u.enabled,
				       u.totp_enabled_at is not null as second_factor,
				       a.id as assignment_id, a.role, a.scope_kind, a.scope_code
				from (select * from app_user where %s) u
				left join role_assignment a on a.user_id = u.id
				order by a.role, a.scope_kind, a.scope_code""".formatted(condition))
			.param(value)
			.query((rs, number) -> new Row(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("second_factor"),
					(rs.getString("role") != null)
							? new RoleAssignment(rs.getLong("assignment_id"), Role.valueOf(rs.getString("role")),
									ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("scope_code"))
							: null))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Row row = rows.getFirst();
		List<RoleAssignment> assignments = rows.stream().map(Row::assignment).filter(a -> a != null).toList();
		String hash = (row.passwordHash() != null) ? row.passwordHash() : "";
		return Optional.of(new AccountPrincipal(row.id(), row.email(), hash, row.enabled(), row.displayName(),
				assignments, row.secondFactor()));
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
