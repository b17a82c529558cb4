package fr.maillage.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The "règle des 12" for passwords, after the ANSSI's recommendations for accounts
 * without a second factor: at least 12 characters of at least 3 kinds (lower case, upper
 * case, digits, other signs), not containing the person's e-mail name, and not one of the
 * most common passwords. Passphrases pass easily ("Jardin-partagé-2026").
 */
final class PasswordRule {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 200;

	private static final Set<String> COMMON = Set.of("motdepasse123", "azertyuiop123", "password1234", "123456789abc",
			"maillage2026!", "bonjour123456", "soleil123456", "azerty123456");

	private PasswordRule() {
	}

	/**
	 * The message keys of the rules {@code password} breaks; empty if it is acceptable.
	 */
	static List<String> check(String password, String email) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			problems.add("password.rule.length");
			return problems;
		}
		if (password.length() > MAX_LENGTH) {
			problems.add("password.rule.too-long");
		}
		int kinds = 0;
		kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (kinds < 3) {
			problems.add("password.rule.kinds");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String emailName = (email != null) ? email.strip().toLowerCase(Locale.ROOT).replaceAll("@.*", "") : "";
		if (emailName.length() >= 3 && lower.contains(emailName)) {
			problems.add("password.rule.email");
		}
		if (COMMON.contains(lower)) {
			problems.add("password.rule.common");
		}
		return problems;
	}

}
