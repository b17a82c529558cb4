package fr.maillage.campaign;

/**
 * Where a structure's response stands in its campaign (ADR 20).
 */
public enum ResponseStatus {

	/** Nobody has saved a value yet; the response exists so that reviewers see it. */
	NOT_STARTED,
	/** The structure is answering: values are saved, nothing is submitted. */
	IN_PROGRESS,
	/** The structure has submitted; reviewers may return or validate it. */
	SUBMITTED,
	/**
	 * A reviewer returned it with a message; the structure corrects and submits again.
	 */
	RETURNED,
	/**
	 * A reviewer validated it: its figures count. Un-validating sends it back to
	 * SUBMITTED.
	 */
	VALIDATED

}
