package fr.maillage.structure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiretTest {

	@Test
	void acceptsRealSiretsAndRefusesATypoOrAWrongLength() {
		// The SIRET of INSEE's head office, and one digit changed or swapped.
		assertThat(Siret.isValid("12002701600357")).isTrue();
		assertThat(Siret.isValid("12002701600358")).isFalse();
		assertThat(Siret.isValid("21002701600357")).isFalse();
		assertThat(Siret.isValid("1200270160035")).isFalse();
		assertThat(Siret.isValid("1200270160035a")).isFalse();
		assertThat(Siret.isValid(null)).isFalse();
	}

	@Test
	void laPosteEstablishmentsFollowTheirOwnRule() {
		// The sum of the digits is a multiple of 5, whatever Luhn says.
		assertThat(Siret.isValid("35600000012346")).as("digits sum to 30").isTrue();
		assertThat(Siret.isValid("35600000012345")).as("digits sum to 29").isFalse();
	}

	@Test
	void normalizeRemovesTheSeparatorsPeopleType() {
		assertThat(Siret.normalize("120 027 016 00357")).isEqualTo("12002701600357");
		assertThat(Siret.normalize("120.027.016-00357")).isEqualTo("12002701600357");
	}

	@Test
	void checkDigitCompletesThirteenDigitsIntoAValidSiret() {
		String siret = Siret.withCheckDigit("1234567890123");
		assertThat(siret).hasSize(14).startsWith("1234567890123");
		assertThat(Siret.isValid(siret)).isTrue();
	}

}
