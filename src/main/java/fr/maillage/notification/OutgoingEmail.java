package fr.maillage.notification;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * An e-mail to send.
 *
 * @param to the recipient's address
 * @param template the template name, e.g. {@code invitation}
 * @param variables what the template shows (links must be absolute URLs; instants are
 * shown as the time in France)
 */
public record OutgoingEmail(String to, String template, Map<String, Object> variables) {

	public OutgoingEmail {
		variables = Map.copyOf(variables);
	}

	/**
	 * An invitation to join Maillage ({@code templates/mail/invitation.*}).
	 * @param to the invited person's address
	 * @param inviterName who invites, as the recipient knows them
	 * @param roleLabel the role offered, in French (e.g. "Direction de structure")
	 * @param scopeLabel where the role applies, in French (e.g. a structure's name)
	 * @param link the absolute URL that accepts the invitation
	 * @param expiresOn when the link stops working
	 */
	public static OutgoingEmail invitation(String to, String inviterName, String roleLabel, String scopeLabel, URI link,
			Instant expiresOn) {
		return new OutgoingEmail(to, "invitation", Map.of("inviterName", inviterName, "roleLabel", roleLabel,
				"scopeLabel", scopeLabel, "link", absolute(link), "expiresOn", expiresOn));
	}

	/**
	 * A link to choose a new password ({@code templates/mail/password-reset.*}).
	 * @param to the account's address
	 * @param link the absolute URL of the password form
	 * @param expiresOn when the link stops working
	 */
	public static OutgoingEmail passwordReset(String to, URI link, Instant expiresOn) {
		return new OutgoingEmail(to, "password-reset", Map.of("link", absolute(link), "expiresOn", expiresOn));
	}

	private static String absolute(URI link) {
		if (!link.isAbsolute()) {
			throw new IllegalArgumentException("E-mails need absolute links: " + link);
		}
		return link.toString();
	}

}
