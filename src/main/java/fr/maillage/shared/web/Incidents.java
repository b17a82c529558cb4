package fr.maillage.shared.web;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Short ids that tie what a user reports ("incident 4F2A-91C0") to a logged stack trace.
 */
final class Incidents {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Incidents() {
	}

	static String newId() {
		byte[] bytes = new byte[4];
		RANDOM.nextBytes(bytes);
		String hex = HexFormat.of().withUpperCase().formatHex(bytes);
		return hex.substring(0, 4) + "-" + hex.substring(4);
	}

}
