package fr.maillage.campaign;

/**
 * The response's status does not allow that transition, e.g. « Cette réponse est validée
 * : elle ne peut pas être soumise. » The arguments are message keys: the status phrase
 * and the action's participle.
 */
public class IllegalTransitionException extends TransitionRefusedException {

	private final ResponseStatus status;

	private final ResponseAction action;

	public IllegalTransitionException(ResponseStatus status, ResponseAction action) {
		super("A response " + status + " cannot be " + action, "response.error.illegal-transition",
				"response.status-phrase." + status, "response.action-participle." + action);
		this.status = status;
		this.action = action;
	}

	public ResponseStatus status() {
		return this.status;
	}

	public ResponseAction action() {
		return this.action;
	}

}
