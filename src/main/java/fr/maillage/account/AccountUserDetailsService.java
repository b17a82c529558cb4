package fr.maillage.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads an account by e-mail address, case-insensitively, with its roles. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public AccountPrincipal loadUserByUsername(String email) {
		record Row(long id, String email, String displayName, String passwordHash, boolean enabled) {
		}
		Row row = this.jdbc
			.sql("select id, email, display_name, password_hash, enabled from app_user where lower(email) = lower(?)")
			.param(email.strip())
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No account for this e-mail"));
		List<String> roleNames = this.jdbc.sql("select role from user_role where user_id = ?")
			.param(row.id())
			.query(String.class)
			.list();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roleNames.forEach(name -> roles.add(Role.valueOf(name)));
		// An account without a password yet (invited, not activated) cannot sign in.
		boolean active = row.enabled() && row.passwordHash() != null;
		String hash = (row.passwordHash() != null) ? row.passwordHash() : "";
		return new AccountPrincipal(row.id(), row.email(), hash, active, row.displayName(), roles,
				roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
	}

}
