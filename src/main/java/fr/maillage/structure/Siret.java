package fr.maillage.structure;

/**
 * The SIRET number of an establishment: 14 digits whose Luhn checksum holds. La Poste's
 * establishments (SIREN 356 000 000) follow another rule, the sum of their digits being a
 * multiple of 5, which INSEE documents as the one exception.
 */
public final class Siret {

	private static final String LA_POSTE_SIREN = "356000000";

	private Siret() {
	}

	/** Whether {@code value} is a well-formed SIRET (digits only, no spaces). */
	public static boolean isValid(String value) {
		if (value == null || !value.matches("[0-9]{14}")) {
			return false;
		}
		if (value.startsWith(LA_POSTE_SIREN) && !value.equals("35600000000048")) {
			return value.chars().map(c -> c - '0').sum() % 5 == 0;
		}
		return luhn(value);
	}

	/** Removes the spaces, dots and dashes people type between groups of digits. */
	public static String normalize(String value) {
		return (value == null) ? null : value.replaceAll("[\\s.\\-\\u00A0\\u202F]", "");
	}

	static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	/**
	 * Completes 13 digits with the check digit that makes a valid SIRET (for generated
	 * demo data and tests).
	 */
	static String withCheckDigit(String thirteenDigits) {
		for (int d = 0; d <= 9; d++) {
			String candidate = thirteenDigits + d;
			if (luhn(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No Luhn digit for " + thirteenDigits);
	}

}
