package fr.maillage.campaign;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.maillage.questionnaire.AnswerChecks;
import fr.maillage.questionnaire.Definition;
import fr.maillage.questionnaire.Questionnaires;
import fr.maillage.questionnaire.SubmissionChecks;
import fr.maillage.shared.demo.DemoContext;
import fr.maillage.shared.demo.DemoSize;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo observatory history (small size, reference date 27 November 2026): five past
 * campaigns answered in full and validated by every approved structure, values that pass
 * the blocking rules and follow each other from year to year, a current campaign under
 * way, and the demo accounts' structures left to start it.
 */
@MaillageIntegrationTest
class DemoCampaignsTest {

	static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 27);

	static final int CURRENT = 2025;

	/** DemoAccounts' structure roles. */
	static final List<String> DEMO_STRUCTURE_ACCOUNTS = List.of("direction.cs66@maillage.example",
			"equipe.cs66@maillage.example", "direction.evs66@maillage.example", "direction.cs11@maillage.example",
			"direction.cs34@maillage.example", "equipe.evs34@maillage.example", "direction.cs69@maillage.example",
			"equipe.cs69@maillage.example", "direction.cs93@maillage.example", "equipe.evs93@maillage.example");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Questionnaires questionnaires;

	@Autowired
	DemoCampaigns step;

	@Autowired
	PlatformTransactionManager transactions;

	private Definition definition;

	/** Read once: the tests below only read them (the reload test rolls back). */
	private static List<Stored> storedResponses;

	/** One stored response of the demo campaigns, with its answers outside repeats. */
	record Stored(long id, long structure, int year, String status, String kind, Map<String, Object> values,
			Map<String, Integer> items) {
	}

	@BeforeEach
	void theNationalQuestionnaire() {
		this.definition = this.questionnaires.shippedNational().definition();
	}

	@Test
	void everyStructureApprovedInAPastYearHasAValidatedResponseWithItsHistory() {
		List<DemoCampaigns.Window> windows = DemoCampaigns.windows(REFERENCE_DATE, DemoCampaigns.PAST_CAMPAIGNS);
		assertThat(windows).extracting(DemoCampaigns.Window::dataYear)
			.containsExactly(2020, 2021, 2022, 2023, 2024, 2025);
		for (DemoCampaigns.Window window : windows.subList(0, 5)) {
			int year = window.dataYear();
			assertThat(window.closesOn()).isBefore(REFERENCE_DATE);
			// Other tests add structures and approvals to the shared database afterwards:
			// those the demo knew are the ones up to the last it answered for.
			List<Long> approved = this.jdbc
				.sql("""
						select s.id from structure s
						where s.id <= (select max(structure_id) from response)
						  and exists (select 1 from approval a where a.structure_id = s.id)
						  and (s.first_approval_on <= make_date(:year, 12, 31)
						       or exists (select 1 from approval a where a.structure_id = s.id
						                  and a.starts_on <= make_date(:year, 12, 31) and a.ends_on >= make_date(:year, 1, 1)))
						order by s.id""")
				.param("year", year)
				.query(Long.class)
				.list();
			List<Long> validated = this.jdbc.sql("""
					select r.structure_id from response r join campaign c on c.id = r.campaign_id
					where c.data_year = ? and r.status = 'VALIDATED' order by 1""")
				.param(year)
				.query(Long.class)
				.list();
			assertThat(validated).as("validated responses of %d", year).containsAll(approved).hasSizeGreaterThan(300);
			assertThat(this.jdbc
				.sql("""
						select count(*) from response r join campaign c on c.id = r.campaign_id join structure s
						on s.id = r.structure_id where c.data_year = ? and s.first_approval_on > make_date(c.data_year, 12, 31)
						and not exists (select 1 from approval a where a.structure_id = s.id
						                and a.starts_on <= make_date(c.data_year, 12, 31))""")
				.param(year)
				.query(Long.class)
				.single()).as("responses of %d from structures not approved then", year).isZero();
			assertThat(this.jdbc.sql("""
					select count(*) from response r join campaign c on c.id = r.campaign_id
					where c.data_year = :year and (r.status <> 'VALIDATED' or r.version <> 3
					  or r.submitted_at < c.opens_on or r.validated_at < r.submitted_at
					  or r.validated_at >= c.closes_on + 1
					  or (select string_agg(t.from_status || '>' || t.to_status, ' ' order by t.id)
					      from response_transition t where t.response_id = r.id)
					     <> 'NOT_STARTED>IN_PROGRESS IN_PROGRESS>SUBMITTED SUBMITTED>VALIDATED'
					  or not exists (select 1 from answer a where a.response_id = r.id))""")
				.param("year", year)
				.query(Long.class)
				.single()).as("responses of %d out of their campaign's dates or history", year).isZero();
		}
		// The validations of the 66 are signed by its demo Caf advisor.
		assertThat(this.jdbc.sql("""
				select distinct u.email from response_transition t join response r on r.id = t.response_id
				join structure s on s.id = r.structure_id join app_user u on u.id = t.actor_user_id
				join campaign c on c.id = r.campaign_id
				where t.to_status = 'VALIDATED' and s.departement_code = '66' and c.data_year between 2020 and 2024""")
			.query(String.class)
			.list()).containsExactly("conseillere.caf66@maillage.example");
	}

	@Test
	void everyResponseSubmittedOrValidatedPassesTheBlockingRules() {
		List<Stored> responses = stored();
		assertThat(responses).hasSizeGreaterThan(1_500);
		Map<String, Definition.Question> questions = new HashMap<>();
		this.definition.allQuestions().forEach(question -> questions.put(question.code(), question));
		for (Stored response : responses) {
			for (Map.Entry<String, Object> answer : response.values().entrySet()) {
				Definition.Question question = questions.get(answer.getKey());
				// Shown (skip logic) and within its constraints, as the answer page
				// checks it.
				if (question.relevant() != null || !question.constraints().isEmpty()) {
					assertThat(AnswerChecks.field(this.definition, question, answer.getValue(), response.values()))
						.as("%s of response %d", answer.getKey(), response.id())
						.isEmpty();
				}
				if (question.min() != null && answer.getValue() instanceof BigDecimal number) {
					assertThat(number).as(answer.getKey()).isGreaterThanOrEqualTo(question.min());
				}
				if (question.max() != null && answer.getValue() instanceof BigDecimal number) {
					assertThat(number).as(answer.getKey()).isLessThanOrEqualTo(question.max());
				}
			}
			if (response.status().equals("IN_PROGRESS")) {
				continue;
			}
			assertThat(SubmissionChecks.check(this.definition, response.kind(), response.values(), Map.of()))
				.as("response %d (%s, %d)", response.id(), response.kind(), response.year())
				.noneMatch(SubmissionChecks.Finding::blocking);
			// Repeat items are complete: each required question of an item is answered.
			assertThat(response.items()).as("response %d", response.id())
				.containsKeys("partenaire_nom", "partenaire_type", "action_titre", "action_description");
			assertThat(response.items().get("partenaire_nom")).isEqualTo(response.items().get("partenaire_type"));
		}
	}

	@Test
	void eachYearLooksLikeTheOneBeforeWithAFewJumpsThatAskForAJustification() {
		Map<Long, TreeMap<Integer, Stored>> byStructure = new HashMap<>();
		for (Stored response : stored()) {
			if (!response.status().equals("IN_PROGRESS")) {
				byStructure.computeIfAbsent(response.structure(), id -> new TreeMap<>()).put(response.year(), response);
			}
		}
		List<Double> changes = new ArrayList<>();
		int pairs = 0;
		int warned = 0;
		for (TreeMap<Integer, Stored> years : byStructure.values()) {
			for (Map.Entry<Integer, Stored> year : years.entrySet()) {
				Stored before = years.get(year.getKey() - 1);
				if (before == null) {
					continue;
				}
				BigDecimal income = (BigDecimal) year.getValue().values().get("produits_total");
				BigDecimal previous = (BigDecimal) before.values().get("produits_total");
				changes.add(income.subtract(previous).abs().divide(previous, MathContext.DECIMAL64).doubleValue());
				pairs++;
				if (SubmissionChecks
					.check(this.definition, year.getValue().kind(), year.getValue().values(), before.values())
					.stream()
					.anyMatch(finding -> finding.message().equals("answer.warning.deviation"))) {
					warned++;
				}
			}
		}
		changes.sort(Double::compare);
		assertThat(changes.get(changes.size() / 2)).as("median change of the total income").isLessThan(0.15);
		assertThat(warned).as("responses far from last year, of %d", pairs).isPositive().isLessThan(pairs / 20);
	}

	@Test
	void theCurrentCampaignIsUnderWay() {
		DemoCampaigns.Window current = DemoCampaigns.windows(REFERENCE_DATE, DemoCampaigns.PAST_CAMPAIGNS).getLast();
		assertThat(current.dataYear()).isEqualTo(CURRENT);
		assertThat(current.opensOn()).isBefore(REFERENCE_DATE);
		assertThat(current.closesOn()).isAfter(REFERENCE_DATE.plusMonths(1));
		record Count(String status, double share) {
		}
		Map<String, Double> shares = new HashMap<>();
		this.jdbc.sql("""
				select coalesce(r.status, 'NOT_STARTED') as status, count(*)::float / sum(count(*)) over () as share
				from structure s
				join campaign c on c.data_year = :year
				left join response r on r.campaign_id = c.id and r.structure_id = s.id
				where s.status = 'ACTIVE' and exists (select 1 from approval a where a.structure_id = s.id)
				  and s.id <= (select max(structure_id) from response)
				  and s.id::text not in (select ra.scope_code from role_assignment ra join app_user u
				                         on u.id = ra.user_id where u.email in (:emails))
				group by 1""")
			.param("year", CURRENT)
			.param("emails", DEMO_STRUCTURE_ACCOUNTS)
			.query(Count.class)
			.list()
			.forEach(count -> shares.put(count.status(), count.share()));
		assertThat(shares.keySet()).containsExactlyInAnyOrder("NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "RETURNED",
				"VALIDATED");
		assertThat(shares.get("NOT_STARTED")).isBetween(0.2, 0.4);
		assertThat(shares.get("IN_PROGRESS")).isBetween(0.3, 0.5);
		// Submitted, then some validated and some returned with a comment already: every
		// review screen has content.
		assertThat(shares.get("SUBMITTED") + shares.get("RETURNED") + shares.get("VALIDATED")).isBetween(0.2, 0.4);
		assertThat(shares.get("RETURNED")).isPositive();
		assertThat(shares.get("VALIDATED")).isPositive();
		assertThat(this.jdbc.sql("""
				select count(*) from response r join campaign c on c.id = r.campaign_id
				where c.data_year = ? and r.status = 'RETURNED' and r.last_message is not null
				  and exists (select 1 from response_comment m where m.response_id = r.id)
				  and exists (select 1 from response_transition t where t.response_id = r.id
				              and t.to_status = 'RETURNED' and t.message = r.last_message)""")
			.param(CURRENT)
			.query(Long.class)
			.single()).isEqualTo(this.jdbc.sql("""
					select count(*) from response r join campaign c on c.id = r.campaign_id
					where c.data_year = ? and r.status = 'RETURNED'""").param(CURRENT).query(Long.class).single());
		// Half answered: the first sections (identity first), never the last (digital
		// inclusion); nothing after the clock's now.
		record Progress(boolean identity, boolean digital) {
		}
		List<Progress> progress = this.jdbc.sql("""
				select bool_or(a.code = 'date_fin_agrement') as identity, bool_or(a.code = 'num_conseiller') as digital
				from response r join campaign c on c.id = r.campaign_id join answer a on a.response_id = r.id
				where c.data_year = ? and r.status = 'IN_PROGRESS' group by r.id""")
			.param(CURRENT)
			.query(Progress.class)
			.list();
		assertThat(progress).isNotEmpty().containsOnly(new Progress(true, false));
		assertThat(this.jdbc.sql("""
				select max(greatest(r.updated_at, a.updated_at)) from response r
				join campaign c on c.id = r.campaign_id left join answer a on a.response_id = r.id
				where c.data_year = ?""").param(CURRENT).query(OffsetDateTime.class).single())
			.isBefore(OffsetDateTime.parse("2026-11-27T10:00:00Z"));
	}

	@Test
	void theDemoAccountsStructuresHaveFiveValidatedYearsAndStartTheCurrentCampaignAfresh() {
		List<Long> structures = this.jdbc.sql("""
				select distinct ra.scope_code::bigint from role_assignment ra join app_user u on u.id = ra.user_id
				where ra.scope_kind = 'STRUCTURE' and u.email in (:emails) order by 1""")
			.param("emails", DEMO_STRUCTURE_ACCOUNTS)
			.query(Long.class)
			.list();
		// The centres sociaux of the 66, 11, 34, 69 and 93 and the EVS of the 66, 34 and
		// 93.
		assertThat(structures).hasSize(8);
		for (long structure : structures) {
			assertThat(this.jdbc.sql("""
					select c.data_year from response r join campaign c on c.id = r.campaign_id
					where r.structure_id = ? and r.status = 'VALIDATED' and c.data_year between 2020 and 2025
					order by 1""").param(structure).query(Integer.class).list())
				.as("validated years of structure %d", structure)
				.containsExactly(2020, 2021, 2022, 2023, 2024);
			// The opening created their response; nobody started it.
			assertThat(this.jdbc.sql("""
					select r.status || ' ' || (select count(*) from answer a where a.response_id = r.id)
					from response r join campaign c on c.id = r.campaign_id
					where r.structure_id = ? and c.data_year = ?""")
				.params(structure, CURRENT)
				.query(String.class)
				.list()).as("responses of structure %d to the current campaign", structure)
				.containsExactly("NOT_STARTED 0");
		}
	}

	@Test
	void everyCampaignIsOpenedAndTwoStructuresHaveAnExtension() {
		assertThat(this.jdbc
			.sql("select count(*) from campaign where data_year between 2020 and 2025 and opened_at is null")
			.query(Long.class)
			.single()).isZero();
		List<String> extended = this.jdbc.sql("""
				select r.status || ' ' || (x.until_on - c.closes_on) from response_extension x
				join response r on r.id = x.response_id join campaign c on c.id = r.campaign_id
				where c.data_year = ? order by r.status""").param(CURRENT).query(String.class).list();
		assertThat(extended).containsExactly("IN_PROGRESS 14", "NOT_STARTED 14");
	}

	@Test
	void loadingAgainQueuesNoEmailAndWritesNoAuditEntryNorEditHistory() {
		assertThat(this.step.hasData()).isTrue();
		DemoContext context = new DemoContext(20260, REFERENCE_DATE, DemoSize.SMALL);
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			long emails = count("email_outbox");
			long audit = count("audit_entry");
			deleteDemoCampaigns();
			this.step.load(context);
			assertThat(this.jdbc.sql("""
					select count(distinct c.data_year) from campaign c join response r on r.campaign_id = c.id
					where c.data_year between 2020 and 2025""").query(Long.class).single()).isEqualTo(6);
			assertThat(count("email_outbox")).isEqualTo(emails);
			assertThat(count("audit_entry")).isEqualTo(audit);
			assertThat(this.jdbc.sql("""
					select count(*) from answer_history h join response r on r.id = h.response_id
					join campaign c on c.id = r.campaign_id where c.data_year between 2020 and 2025""")
				.query(Long.class)
				.single()).as("history of edits in the demo campaigns").isZero();
			status.setRollbackOnly();
		});
	}

	private void deleteDemoCampaigns() {
		String responses = "select r.id from response r join campaign c on c.id = r.campaign_id"
				+ " where c.data_year between 2020 and 2025";
		this.jdbc.sql("delete from answer where response_id in (" + responses + ")").update();
		this.jdbc.sql("delete from response_transition where response_id in (" + responses + ")").update();
		this.jdbc.sql("delete from response_comment where response_id in (" + responses + ")").update();
		this.jdbc.sql("delete from response_extension where response_id in (" + responses + ")").update();
		this.jdbc.sql("delete from response where id in (" + responses + ")").update();
		this.jdbc.sql("delete from campaign where data_year between 2020 and 2025").update();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/** The demo campaigns' responses with their decoded answers outside repeat groups. */
	private List<Stored> stored() {
		if (storedResponses == null) {
			storedResponses = read();
		}
		return storedResponses;
	}

	private List<Stored> read() {
		Map<String, Definition.Question> questions = new HashMap<>();
		this.definition.allQuestions().forEach(question -> questions.put(question.code(), question));
		Set<String> inRepeats = new HashSet<>();
		this.definition.allQuestions()
			.forEach(question -> question.children().forEach(child -> inRepeats.add(child.code())));
		Map<Long, Stored> responses = new LinkedHashMap<>();
		this.jdbc.sql("""
				select r.id, r.structure_id, c.data_year, r.status, s.kind, a.code, a.item, a.value
				from response r join campaign c on c.id = r.campaign_id join structure s on s.id = r.structure_id
				join answer a on a.response_id = r.id
				where c.data_year between 2020 and 2025 order by r.id""").query((rs, row) -> {
			long structure = rs.getLong("structure_id");
			int year = rs.getInt("data_year");
			String status = rs.getString("status");
			String kind = rs.getString("kind");
			Stored response = responses.computeIfAbsent(rs.getLong("id"),
					id -> new Stored(id, structure, year, status, kind, new HashMap<>(), new HashMap<>()));
			String code = rs.getString("code");
			if (inRepeats.contains(code)) {
				response.items().merge(code, 1, Integer::sum);
			}
			else {
				response.values().put(code, Answers.decode(questions.get(code), rs.getString("value")));
			}
			return code;
		}).list();
		return new ArrayList<>(responses.values());
	}

}
