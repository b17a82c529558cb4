package fr.maillage.structure;

/** The two kinds of approved structures. */
public enum StructureKind {

	/**
	 * Centre social: a professional team and volunteers, "animation globale" approval.
	 */
	CS,
	/** Espace de vie sociale: a smaller, mostly volunteer-run structure. */
	EVS

}
