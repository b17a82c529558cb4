package fr.maillage.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.maillage.shared.security.Role;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person with their role assignments, as kept in the session and refreshed
 * from the database on every request ({@link AccountRefreshFilter}).
 */
public final class AccountPrincipal extends User {

	private final long id;

	private final String displayName;

	private final List<RoleAssignment> assignments;

	private final boolean secondFactorEnabled;

	AccountPrincipal(long id, String email, String passwordHash, boolean enabled, String displayName,
			List<RoleAssignment> assignments, boolean secondFactorEnabled) {
		super(email, passwordHash, enabled, true, true, true,
				assignments.stream()
					.map(a -> a.role().authority())
					.distinct()
					.map(SimpleGrantedAuthority::new)
					.toList());
		this.id = id;
		this.displayName = displayName;
		this.assignments = List.copyOf(assignments);
		this.secondFactorEnabled = secondFactorEnabled;
	}

	/** Whether signing in asks for a code from an authenticator application. */
	public boolean secondFactorEnabled() {
		return this.secondFactorEnabled;
	}

	/** National administrators must use a second factor (permissions.md, issue 3). */
	public boolean mustEnrolSecondFactor() {
		return !this.secondFactorEnabled && roles().contains(Role.NATIONAL_ADMIN);
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public List<RoleAssignment> assignments() {
		return this.assignments;
	}

	public Set<Role> roles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		this.assignments.forEach(assignment -> roles.add(assignment.role()));
		return roles;
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
