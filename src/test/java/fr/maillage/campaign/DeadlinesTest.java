package fr.maillage.campaign;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A structure's deadline is 23:59 of its closing date at its own time: La Réunion closes
 * before Paris, Guyane after.
 */
class DeadlinesTest {

	private static final LocalDate CLOSE = LocalDate.of(2027, 1, 31);

	@Test
	void parisClosesAt2359ParisTime() {
		assertThat(Deadlines.deadline(CLOSE, "75")).isEqualTo(Instant.parse("2027-01-31T22:59:59Z"));
		assertThat(Deadlines.deadline(CLOSE, "66")).isEqualTo(Instant.parse("2027-01-31T22:59:59Z"));
		// Summer time: UTC+2.
		assertThat(Deadlines.deadline(LocalDate.of(2027, 6, 30), "75"))
			.isEqualTo(Instant.parse("2027-06-30T21:59:59Z"));
	}

	@Test
	void laReunionClosesThreeHoursBeforeParisInWinter() {
		assertThat(Deadlines.deadline(CLOSE, "974")).isEqualTo(Instant.parse("2027-01-31T19:59:59Z"));
	}

	@Test
	void guyaneClosesFourHoursAfterParisInWinter() {
		assertThat(Deadlines.deadline(CLOSE, "973")).isEqualTo(Instant.parse("2027-02-01T02:59:59Z"));
		// At 01:00 UTC on 1 February, Paris is closed and Guyane still answers.
		Instant now = Instant.parse("2027-02-01T01:00:00Z");
		assertThat(Deadlines.passed(now, CLOSE, null, "75")).isTrue();
		assertThat(Deadlines.passed(now, CLOSE, null, "973")).isFalse();
		assertThat(Deadlines.passed(now, CLOSE, null, "974")).isTrue();
	}

	@Test
	void anExtensionMovesTheDeadlineButNeverBringsItForward() {
		LocalDate extended = LocalDate.of(2027, 2, 14);
		assertThat(Deadlines.deadline(CLOSE, extended, "974")).isEqualTo(Instant.parse("2027-02-14T19:59:59Z"));
		assertThat(Deadlines.deadline(CLOSE, LocalDate.of(2027, 1, 10), "75"))
			.isEqualTo(Deadlines.deadline(CLOSE, "75"));
		assertThat(Deadlines.passed(Instant.parse("2027-02-10T12:00:00Z"), CLOSE, extended, "75")).isFalse();
	}

	@Test
	void deadlinesAreWrittenTheFrenchWayAtTheStructuresOwnTime() {
		assertThat(Deadlines.text(Deadlines.deadline(CLOSE, "974"), "974")).isEqualTo("31 janvier 2027 à 23 h 59");
		assertThat(Deadlines.text(Deadlines.deadline(CLOSE, "973"), "973")).isEqualTo("31 janvier 2027 à 23 h 59");
		assertThat(Deadlines.text(Deadlines.deadline(LocalDate.of(2027, 3, 1), "75"), "75"))
			.isEqualTo("1er mars 2027 à 23 h 59");
		assertThat(Deadlines.text(LocalDate.of(2027, 2, 1))).isEqualTo("1er février 2027");
	}

}
