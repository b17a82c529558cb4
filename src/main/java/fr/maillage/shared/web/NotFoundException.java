package fr.maillage.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The thing asked for does not exist, or is private and out of the caller's scope (whose
 * existence we do not confirm). Pages answer with the French 404 page, the API with a
 * JSON problem whose detail is the message {@code messageKey} formatted with
 * {@code arguments}.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public NotFoundException(String messageKey, Object... arguments) {
		super(messageKey);
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
