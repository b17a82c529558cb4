package fr.maillage.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

	/** RFC 6238, appendix B: the SHA-1 seed "12345678901234567890". */
	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void computesTheCodesOfTheRfcTestVectors() {
		// The RFC gives 8 digits; authenticator applications show the last 6.
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void acceptsTheCodeOfTheNeighbouringStepsOnlyAndTellsWhichStepMatched() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		long step = now.getEpochSecond() / 30;
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(30)), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now), now)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(90)), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "12a456", now)).isEmpty();
	}

	@Test
	void readsBackTheBase32ItWrites() {
		String secret = Totp.newSecret();
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.base32(Totp.decodeBase32(secret))).isEqualTo(secret);
	}

	@Test
	void describesTheAccountForAuthenticatorApplications() {
		assertThat(Totp.otpauthUri("ABC", "claire vasseur@x.fr"))
			.isEqualTo("otpauth://totp/Maillage:claire%20vasseur%40x.fr?secret=ABC&issuer=Maillage&digits=6&period=30");
	}

}
