package fr.maillage.notification;

import java.util.Map;

/**
 * An e-mail to send.
 *
 * @param to the recipient's address
 * @param template the template name, e.g. {@code invitation}
 * @param variables what the template shows (links must be absolute URLs)
 */
public record OutgoingEmail(String to, String template, Map<String, Object> variables) {

	public OutgoingEmail {
		variables = Map.copyOf(variables);
	}

}
