package fr.maillage.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses as we store and compare them: trimmed, lower case. */
final class Emails {

	/**
	 * Deliberately simple: one @, something on each side, a dot in the domain, no spaces.
	 */
	private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private Emails() {
	}

	static String normalize(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

	static boolean isPlausible(String normalized) {
		return normalized.length() <= 254 && PLAUSIBLE.matcher(normalized).matches();
	}

}
