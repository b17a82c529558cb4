package fr.maillage.campaign;

/**
 * Someone changed the response since the caller read it (its version moved on): the
 * transition is refused rather than applied to a state the person did not see.
 */
public class ConcurrentTransitionException extends TransitionRefusedException {

	public ConcurrentTransitionException(long responseId, int expectedVersion) {
		super("Response " + responseId + " is no longer at version " + expectedVersion,
				"response.error.concurrent-change");
	}

}
