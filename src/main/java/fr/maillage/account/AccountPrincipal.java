package fr.maillage.account;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in person, as kept in the session. */
public final class AccountPrincipal extends User {

	private final long id;

	private final String displayName;

	private final Set<Role> roles;

	AccountPrincipal(long id, String email, String passwordHash, boolean enabled, String displayName, Set<Role> roles,
			Collection<? extends GrantedAuthority> authorities) {
		super(email, passwordHash, enabled, true, true, true, authorities);
		this.id = id;
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Set<Role> roles() {
		return this.roles;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
