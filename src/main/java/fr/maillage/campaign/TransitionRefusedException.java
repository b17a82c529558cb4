package fr.maillage.campaign;

/**
 * A transition of a response was refused; {@link #messageKey()} and {@link #arguments()}
 * give the French message to show (the exception's own message is for logs). Nothing was
 * written.
 */
public class TransitionRefusedException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public TransitionRefusedException(String logMessage, String messageKey, Object... arguments) {
		super(logMessage);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
