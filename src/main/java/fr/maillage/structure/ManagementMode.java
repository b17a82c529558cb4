package fr.maillage.structure;

/** Who runs a structure (the Senacs categories). */
public enum ManagementMode {

	/** An association (about 70 % of centres sociaux). */
	ASSOCIATION,
	/** The commune, or its CCAS. */
	COMMUNE,
	/** The Caf itself. */
	CAF,
	/** Co-management, e.g. an association with the commune. */
	CO_MANAGEMENT,
	/** Anything else (intercommunality, mutual insurer…). */
	OTHER

}
