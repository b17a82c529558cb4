package fr.maillage.account;

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

	/** The Spring Security authority that carries this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
