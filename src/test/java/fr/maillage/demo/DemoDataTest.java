package fr.maillage.demo;

import java.time.LocalDate;

import fr.maillage.shared.demo.DemoContext;
import fr.maillage.shared.demo.DemoSize;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@MaillageIntegrationTest
class DemoDataTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoDataLoader loader;

	@Test
	void loadsOneDemoAccountPerRoleOnAnEmptyEmbeddedDatabase() {
		assertThat(this.jdbc.sql("select distinct role from role_assignment order by role").query(String.class).list())
			.containsExactly("CAF_ADVISOR", "FEDERATION", "NATIONAL_ADMIN", "REVIEWER", "STRUCTURE_MANAGER",
					"STRUCTURE_STAFF");
		assertThat(this.loader.present()).isTrue();
	}

	@Test
	void recordsTheRunWithItsSeedDateAndSize() {
		record Run(long seed, LocalDate referenceDate, String size, boolean finished) {
		}
		Run run = this.jdbc
			.sql("select seed, reference_date, size, finished_at is not null as finished from demo_data_run")
			.query(Run.class)
			.single();
		assertThat(run).isEqualTo(new Run(20260, LocalDate.of(2026, 11, 27), "SMALL", true));
	}

	@Test
	void neverLoadsTwiceWhenTheApplicationStartsAgain() {
		long users = countUsers();
		this.loader.afterSingletonsInstantiated();
		this.loader.continueInBackground();
		assertThat(countUsers()).isEqualTo(users);
	}

	@Test
	void givesEachStepTheSameRandomSequenceForTheSameSeed() {
		DemoContext context = new DemoContext(42, LocalDate.of(2026, 11, 27), DemoSize.SMALL);
		DemoContext same = new DemoContext(42, LocalDate.of(2026, 11, 27), DemoSize.SMALL);
		assertThat(context.randomFor("structures").ints(5).toArray())
			.containsExactly(same.randomFor("structures").ints(5).toArray());
		assertThat(context.randomFor("structures").nextLong()).isNotEqualTo(context.randomFor("people").nextLong());
	}

	@Test
	void coversOnlyAFewDepartementsInTheSmallSize() {
		assertThat(DemoSize.SMALL.covers("66")).isTrue();
		assertThat(DemoSize.SMALL.covers("01")).isFalse();
		assertThat(DemoSize.NATIONAL.covers("01")).isTrue();
	}

	private long countUsers() {
		return this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

}
