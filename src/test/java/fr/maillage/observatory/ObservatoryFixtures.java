package fr.maillage.observatory;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crafted campaigns for the observatory's tests, written straight to the shared test
 * database with data years 2600 to 2699 (no other test uses them).
 */
final class ObservatoryFixtures {

	private final JdbcClient jdbc;

	private final List<Long> created = new java.util.ArrayList<>();

	ObservatoryFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long campaign(int year) {
		return this.jdbc.sql("""
				insert into campaign (data_year, opens_on, closes_on, questionnaire_version_id, created_at)
				values (?, make_date(? + 1, 3, 1), make_date(? + 1, 5, 31),
				        (select id from questionnaire_version where family = 'national' order by id limit 1), now())
				returning id""").params(year, year, year).query(Long.class).single();
	}

	/** The first active structures of a département, of a kind. */
	List<Long> structures(String departement, String kind, int count) {
		List<Long> ids = this.jdbc.sql("""
				select id from structure where departement_code = ? and kind = ? and status = 'ACTIVE'
				order by id limit ?""").params(departement, kind, count).query(Long.class).list();
		if (ids.size() < count) {
			throw new IllegalStateException("Only " + ids.size() + " " + kind + " in " + departement);
		}
		return ids;
	}

	/** A structure of our own, removed by {@link #removeCreatedStructures()}. */
	long newStructure(String name, String kind, String commune) {
		long id = this.jdbc.sql("insert into structure (name, kind, commune_code) values (?, ?, ?) returning id")
			.params(name, kind, commune)
			.query(Long.class)
			.single();
		this.created.add(id);
		return id;
	}

	/**
	 * Removes the structures this fixture created, with their responses and answers: the
	 * registry's own tests read every structure of the shared database.
	 */
	void removeCreatedStructures() {
		for (long id : this.created) {
			String responses = "(select id from response where structure_id = " + id + ")";
			this.jdbc.sql("delete from answer where response_id in " + responses).update();
			this.jdbc.sql("delete from response_transition where response_id in " + responses).update();
			this.jdbc.sql("delete from response where structure_id = ?").param(id).update();
			this.jdbc.sql("delete from structure where id = ?").param(id).update();
		}
		this.created.clear();
	}

	/** A response in that status, with these answers. */
	long response(long campaign, long structure, String status, Map<String, String> answers) {
		long id = this.jdbc
			.sql("""
					insert into response (campaign_id, structure_id, status, version, updated_at, submitted_at, validated_at)
					values (?, ?, ?, 3, now(), case when ? <> 'IN_PROGRESS' then now() end,
					        case when ? = 'VALIDATED' then now() end)
					returning id""")
			.params(campaign, structure, status, status, status)
			.query(Long.class)
			.single();
		answers.forEach((code, value) -> this.jdbc
			.sql("insert into answer (response_id, code, item, value, updated_at) values (?, ?, 0, ?, now())")
			.params(id, code, value)
			.update());
		return id;
	}

}
