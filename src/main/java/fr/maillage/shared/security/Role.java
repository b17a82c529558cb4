package fr.maillage.shared.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of {@code shared/design/permissions.md}. A role is held on a scope: the
 * nation, a region, a département or a structure (scopes are added by the scoped-roles
 * work).
 */
public enum Role {

	/** Runs the platform for the whole country (Cnaf, FCSF). */
	NATIONAL_ADMIN,
	/**
	 * A Caf's "conseillère technique AVS": approves and follows the structures of a
	 * département.
	 */
	CAF_ADVISOR,
	/** A federation of social centres, on a département or a region. */
	FEDERATION,
	/** An observatory "correspondant" who checks the answers of a département. */
	REVIEWER,
	/** The director of a structure (CS or EVS). */
	STRUCTURE_MANAGER,
	/** A staff member or volunteer of a structure. */
	STRUCTURE_STAFF;

	/** What this role may be held on (permissions.md). */
	public Set<ScopeKind> scopeKinds() {
		return switch (this) {
			case NATIONAL_ADMIN -> EnumSet.of(ScopeKind.NATION);
			case CAF_ADVISOR, REVIEWER -> EnumSet.of(ScopeKind.DEPARTEMENT);
			case FEDERATION -> EnumSet.of(ScopeKind.DEPARTEMENT, ScopeKind.REGION);
			case STRUCTURE_MANAGER, STRUCTURE_STAFF -> EnumSet.of(ScopeKind.STRUCTURE);
		};
	}

	/**
	 * The roles a holder of this role may grant, within its own scope (permissions.md).
	 */
	public Set<Role> grantableRoles() {
		return switch (this) {
			case NATIONAL_ADMIN -> EnumSet.allOf(Role.class);
			case CAF_ADVISOR -> EnumSet.of(CAF_ADVISOR, REVIEWER, STRUCTURE_MANAGER, STRUCTURE_STAFF);
			case FEDERATION -> EnumSet.of(FEDERATION);
			case STRUCTURE_MANAGER -> EnumSet.of(STRUCTURE_MANAGER, STRUCTURE_STAFF);
			case REVIEWER, STRUCTURE_STAFF -> EnumSet.noneOf(Role.class);
		};
	}

	/** The Spring Security authority that carries this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
