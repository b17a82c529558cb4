package fr.maillage.account;

import java.io.Serializable;
import java.util.Set;

import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.ScopeKind;

/**
 * A role held on a scope.
 *
 * @param id the assignment's id (0 before it is stored)
 * @param role the role
 * @param scopeKind what it is held on
 * @param scopeCode the region or département code, or the structure id; {@code null} for
 * the nation
 */
public record RoleAssignment(long id, Role role, ScopeKind scopeKind, String scopeCode) implements Serializable {

	public RoleAssignment {
		if (!role.scopeKinds().contains(scopeKind)) {
			throw new IllegalArgumentException(role + " cannot be held on " + scopeKind);
		}
		if ((scopeKind == ScopeKind.NATION) != (scopeCode == null)) {
			throw new IllegalArgumentException("A scope code is needed except for the nation");
		}
	}

	/** The territory this assignment covers. */
	public Scope scope() {
		return switch (this.scopeKind) {
			case NATION -> Scope.NATION;
			case REGION -> new Scope(false, Set.of(this.scopeCode), Set.of(), Set.of());
			case DEPARTEMENT -> new Scope(false, Set.of(), Set.of(this.scopeCode), Set.of());
			case STRUCTURE -> new Scope(false, Set.of(), Set.of(), Set.of(Long.parseLong(this.scopeCode)));
		};
	}

	/** Whether this assignment is held on that structure. */
	public boolean isOnStructure(long structureId) {
		return this.scopeKind == ScopeKind.STRUCTURE && Long.parseLong(this.scopeCode) == structureId;
	}

}
