package fr.maillage.campaign;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns, responses and answers written straight to the shared test database, for the
 * campaign module's tests; each test class uses data years of its own (the tracking tests
 * 2400 to 2499, removing theirs after each test).
 */
final class CampaignFixtures {

	private final JdbcClient jdbc;

	CampaignFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long campaign(int year, LocalDate opensOn, LocalDate closesOn) {
		return this.jdbc.sql("""
				insert into campaign (data_year, opens_on, closes_on, questionnaire_version_id, created_at)
				values (?, ?, ?, (select id from questionnaire_version where family = 'national' and version = '2026'),
				        now())
				returning id""").params(year, opensOn, closesOn).query(Long.class).single();
	}

	long response(long campaign, long structure, ResponseStatus status) {
		return this.jdbc.sql("""
				insert into response (campaign_id, structure_id, status, updated_at, submitted_at, validated_at)
				values (?, ?, ?, now(),
				        case when ? in ('SUBMITTED', 'VALIDATED', 'RETURNED') then now() end,
				        case when ? = 'VALIDATED' then now() end)
				returning id""")
			.params(campaign, structure, status.name(), status.name(), status.name())
			.query(Long.class)
			.single();
	}

	void answer(long response, String code, int item, String value) {
		this.jdbc.sql("insert into answer (response_id, code, item, value, updated_at) values (?, ?, ?, ?, now())")
			.params(response, code, item, value)
			.update();
	}

	/**
	 * Structures of a département of that kind without any account, with a registry
	 * contact address (reminders go there), first ones first.
	 */
	List<Long> structuresWithoutAccounts(String departement, String kind, int count) {
		List<Long> ids = this.jdbc.sql("""
				select s.id from structure s
				where s.departement_code = ? and s.kind = ? and s.email is not null
				  and not exists (select 1 from role_assignment ra
				                  where ra.scope_kind = 'STRUCTURE' and ra.scope_code = s.id::text)
				order by s.id limit ?""").params(departement, kind, count).query(Long.class).list();
		if (ids.size() < count) {
			throw new IllegalStateException(
					"The small demo has only " + ids.size() + " such structures in " + departement);
		}
		return ids;
	}

	/** The structure on which this person holds a structure role. */
	long structureOf(String email) {
		return this.jdbc.sql("""
				select ra.scope_code::bigint from role_assignment ra join app_user u on u.id = ra.user_id
				where u.email = ? and ra.scope_kind = 'STRUCTURE' limit 1""").param(email).query(Long.class).single();
	}

	String emailOf(long structure) {
		return this.jdbc.sql("select email from structure where id = ?").param(structure).query(String.class).single();
	}

	/** Reminder e-mails queued for this address so far. */
	int remindersTo(String email) {
		return this.jdbc
			.sql("""
					select count(*) from email_outbox where template = 'response-reminder' and lower(recipient) = lower(?)""")
			.param(email)
			.query(Integer.class)
			.single();
	}

	int reminderRows(long response) {
		return this.jdbc.sql("select count(*) from response_reminder where response_id = ?")
			.param(response)
			.query(Integer.class)
			.single();
	}

	/** Removes the campaigns of these data years and everything hanging on them. */
	void remove(int fromYear, int toYear) {
		String responses = "(select r.id from response r join campaign c on c.id = r.campaign_id"
				+ " where c.data_year between " + fromYear + " and " + toYear + ")";
		for (String table : List.of("response_reminder", "response_extension", "response_comment", "answer",
				"answer_history", "answer_justification", "response_section", "response_transition")) {
			this.jdbc.sql("delete from " + table + " where response_id in " + responses).update();
		}
		this.jdbc.sql("delete from response where id in " + responses).update();
		this.jdbc.sql("delete from campaign where data_year between ? and ?").params(fromYear, toYear).update();
	}

}
