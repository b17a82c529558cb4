package fr.maillage.structure;

import java.util.List;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo registry (small size: six départements) looks like the real one: domain.md's
 * proportions, valid identifiers, and renewal milestones in every state.
 */
@MaillageIntegrationTest
class DemoRegistryTest {

	@Autowired
	JdbcClient jdbc;

	private double share(String condition, String among) {
		return this.jdbc
			.sql("select avg(case when " + condition + " then 1.0 else 0 end) from structure s join commune c"
					+ " on c.code = s.commune_code where " + among)
			.query(Double.class)
			.single();
	}

	@Test
	void proportionsFollowTheNationalFigures() {
		assertThat(share("s.management_mode = 'ASSOCIATION'", "true")).as("associative").isBetween(0.62, 0.80);
		// 79 % nationally; the small set counts Seine-Saint-Denis, where every commune is
		// urban.
		assertThat(share("c.urban", "s.kind = 'CS'")).as("urban CS").isBetween(0.72, 0.92);
		assertThat(share("s.near_qpv", "s.kind = 'CS' and c.urban")).as("urban CS near a QPV").isBetween(0.38, 0.62);
		assertThat(share("s.kind = 'CS'", "true")).as("CS among structures").isBetween(0.5, 0.67);
	}

	@Test
	void identifiersAreValidAndContactsFictional() {
		List<String> sirets = this.jdbc.sql("select siret from structure").query(String.class).list();
		assertThat(sirets).isNotEmpty().allSatisfy(siret -> assertThat(Siret.isValid(siret)).as(siret).isTrue());
		assertThat(this.jdbc.sql("select count(*) from structure where email not like '%.example'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from structure s join commune c on c.code = s.commune_code
				where s.postal_code is not null and not (s.postal_code = any(c.postal_codes))""")
			.query(Long.class)
			.single()).as("postal codes belong to their commune").isZero();
		assertThat(
				this.jdbc.sql("select count(distinct siret) < count(*) from structure").query(Boolean.class).single())
			.as("some structures share a SIRET")
			.isTrue();
	}

	@Test
	void everyStructureHasACurrentMainApprovalOfItsKindAndSomeHaveEnded() {
		assertThat(this.jdbc.sql("""
				select count(*) from structure s left join structure_main_approval ma on ma.structure_id = s.id
				where ma.kind_code is distinct from case s.kind when 'CS' then 'AG' else 'EVS' end""")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from structure_main_approval where ends_on < date '2026-11-27'")
			.query(Long.class)
			.single()).as("ended approvals").isPositive();
		assertThat(this.jdbc.sql("""
				select count(*) from structure s where s.kind = 'CS' and exists (
				    select 1 from approval a where a.structure_id = s.id and a.kind_code = 'EVS')""")
			.query(Long.class)
			.single()).as("centres sociaux that were EVS before").isPositive();
	}

	@Test
	void everyMilestoneKindHasDoneLateAndUpcomingExamplesAndNoneIsAnnouncedForThePast() {
		record State(String kind, long done, long late, long upcoming) {
		}
		List<State> states = this.jdbc.sql("""
				select m.kind,
				       count(*) filter (where m.done_on is not null) as done,
				       count(*) filter (where m.done_on is null and m.due_on < date '2026-11-27') as late,
				       count(*) filter (where m.due_on >= date '2026-11-27') as upcoming
				from renewal_milestone m join structure_main_approval ma on ma.approval_id = m.approval_id
				group by m.kind""").query(State.class).list();
		assertThat(states).hasSize(4)
			.allSatisfy(state -> assertThat(List.of(state.done(), state.late(), state.upcoming())).as(state.kind())
				.allMatch(count -> count > 0));
		assertThat(this.jdbc
			.sql("select count(*) from renewal_milestone where due_on < date '2026-11-27'" + " and notice <> 'SKIPPED'")
			.query(Long.class)
			.single()).isZero();
	}

}
