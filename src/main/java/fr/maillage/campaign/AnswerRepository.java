package fr.maillage.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored answers and their history. Callers reach them through a response they have
 * already found within their scope ({@link Responses#find}), so these reads take the
 * response id only.
 */
@Repository
class AnswerRepository {

	private final JdbcClient jdbc;

	AnswerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One stored value with its field version. */
	record Stored(String code, int item, String value, int version) {
	}

	@Unscoped("the caller found the response within its scope first")
	List<Stored> of(long responseId) {
		return this.jdbc.sql("select code, item, value, version from answer where response_id = ? order by code, item")
			.param(responseId)
			.query(Stored.class)
			.list();
	}

	@Unscoped("the caller found the response within its scope first")
	Optional<Stored> one(long responseId, String code, int item) {
		return this.jdbc
			.sql("select code, item, value, version from answer where response_id = ? and code = ? and item = ?"
					+ " for update")
			.params(responseId, code, item)
			.query(Stored.class)
			.optional();
	}

	/**
	 * Stores a value in a field that has none; empty if someone stored one meanwhile (the
	 * caller then reads it). Its version follows every earlier change of the field (a
	 * field cleared then filled again never goes back to a version someone's page still
	 * shows), so a stale page always meets a conflict.
	 */
	Optional<Integer> insertFirst(long responseId, String code, int item, String value, Instant now, Long userId) {
		return this.jdbc.sql("""
				insert into answer (response_id, code, item, value, version, updated_at, updated_by)
				select ?, ?, ?, ?, 1 + count(*), ?, ? from answer_history
				where response_id = ? and code = ? and item = ?
				on conflict (response_id, code, item) do nothing
				returning version""")
			.params(responseId, code, item, value, now.atOffset(ZoneOffset.UTC), userId, responseId, code, item)
			.query(Integer.class)
			.optional();
	}

	/** Replaces a value read at {@code version} (locked by {@link #one}). */
	void replace(long responseId, String code, int item, String value, int version, Instant now, Long userId) {
		this.jdbc.sql("""
				update answer set value = ?, version = ?, updated_at = ?, updated_by = ?
				where response_id = ? and code = ? and item = ?""")
			.params(value, version + 1, now.atOffset(ZoneOffset.UTC), userId, responseId, code, item)
			.update();
	}

	void delete(long responseId, String code, int item) {
		this.jdbc.sql("delete from answer where response_id = ? and code = ? and item = ?")
			.params(responseId, code, item)
			.update();
	}

	void history(long responseId, String code, int item, String oldValue, String newValue, Instant now, Long userId) {
		this.jdbc.sql("""
				insert into answer_history (response_id, code, item, old_value, new_value, changed_at, changed_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(responseId, code, item, oldValue, newValue, now.atOffset(ZoneOffset.UTC), userId)
			.update();
	}

	/** One change of a field, as the history page shows it. */
	record Change(String code, int item, String oldValue, String newValue, Instant changedAt, String changedBy) {
	}

	@Unscoped("the caller found the response within its scope first")
	List<Change> changes(long responseId) {
		return this.jdbc.sql("""
				select h.code, h.item, h.old_value, h.new_value, h.changed_at, u.display_name as changed_by
				from answer_history h left join app_user u on u.id = h.changed_by
				where h.response_id = ? order by h.id desc""")
			.param(responseId)
			.query((rs, row) -> new Change(rs.getString("code"), rs.getInt("item"), rs.getString("old_value"),
					rs.getString("new_value"), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by")))
			.list();
	}

	/**
	 * The answers (outside repeat groups) of the structure's latest validated response to
	 * a campaign of an earlier data year: what the pages propose and the deviation
	 * warning compares with. Empty when there is none.
	 */
	@Unscoped("the caller found the response within its scope first; this reads the same structure")
	Previous previousValidated(long structureId, int dataYear) {
		Integer year = this.jdbc.sql("""
				select max(c.data_year) from response r join campaign c on c.id = r.campaign_id
				where r.structure_id = ? and c.data_year < ? and r.status = 'VALIDATED'""")
			.params(structureId, dataYear)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (year == null) {
			return new Previous(null, Map.of());
		}
		Map<String, String> values = new HashMap<>();
		this.jdbc.sql("""
				select a.code, a.value from answer a join response r on r.id = a.response_id
				join campaign c on c.id = r.campaign_id
				where r.structure_id = ? and c.data_year = ? and r.status = 'VALIDATED' and a.item = 0""")
			.params(structureId, year)
			.query((rs, row) -> values.put(rs.getString(1), rs.getString(2)))
			.list();
		return new Previous(year, values);
	}

	/** Last validated year's values (canonical text by code), and that year. */
	record Previous(Integer dataYear, Map<String, String> values) {
	}

	@Unscoped("the caller found the response within its scope first")
	Set<String> confirmedSections(long responseId) {
		return Set.copyOf(this.jdbc.sql("select section_code from response_section where response_id = ?")
			.param(responseId)
			.query(String.class)
			.list());
	}

	void confirmSection(long responseId, String section, Instant now, Long userId) {
		this.jdbc.sql("""
				insert into response_section (response_id, section_code, confirmed_at, confirmed_by)
				values (?, ?, ?, ?) on conflict (response_id, section_code) do nothing""")
			.params(responseId, section, now.atOffset(ZoneOffset.UTC), userId)
			.update();
	}

	@Unscoped("the caller found the response within its scope first")
	Map<String, String> justifications(long responseId) {
		Map<String, String> texts = new HashMap<>();
		this.jdbc.sql("select code, text from answer_justification where response_id = ?")
			.param(responseId)
			.query((rs, row) -> texts.put(rs.getString(1), rs.getString(2)))
			.list();
		return texts;
	}

	/** Forgets the justifications of a response (before it is submitted again). */
	void forgetJustifications(long responseId) {
		this.jdbc.sql("delete from answer_justification where response_id = ?").param(responseId).update();
	}

	void justify(long responseId, String code, String text, Instant now, Long userId) {
		this.jdbc
			.sql("""
					insert into answer_justification (response_id, code, text, written_at, written_by)
					values (?, ?, ?, ?, ?)
					on conflict (response_id, code)
					do update set text = excluded.text, written_at = excluded.written_at, written_by = excluded.written_by""")
			.params(responseId, code, text, now.atOffset(ZoneOffset.UTC), userId)
			.update();
	}

	/**
	 * The 5th and 95th percentiles of each numeric question's values among the other
	 * submitted or validated responses of the same campaign in a département from
	 * structures of the same kind (a centre social is not compared with an EVS), with how
	 * many structures answered.
	 */
	@Unscoped("département statistics for a check: only the percentiles leave this method, never a structure's value")
	Map<String, Spread> departementSpread(long campaignId, String departementCode, String kind, long exceptStructureId,
			Collection<String> codes) {
		Map<String, Spread> spreads = new HashMap<>();
		if (codes.isEmpty()) {
			return spreads;
		}
		this.jdbc.sql("""
				select a.code, count(*) as answered,
				       percentile_cont(0.05) within group (order by a.value::numeric) as low,
				       percentile_cont(0.95) within group (order by a.value::numeric) as high
				from answer a join response r on r.id = a.response_id join structure s on s.id = r.structure_id
				where r.campaign_id = :campaign and s.departement_code = :departement and s.kind = :kind
				  and r.structure_id <> :self
				  and r.status in ('SUBMITTED', 'VALIDATED') and a.item = 0 and a.code in (:codes)
				group by a.code""")
			.param("campaign", campaignId)
			.param("departement", departementCode)
			.param("kind", kind)
			.param("self", exceptStructureId)
			.param("codes", codes)
			.query((rs, row) -> spreads.put(rs.getString("code"),
					new Spread(rs.getBigDecimal("low"), rs.getBigDecimal("high"), rs.getInt("answered"))))
			.list();
		return spreads;
	}

	/** A département's usual range for one question. */
	record Spread(BigDecimal low, BigDecimal high, int answered) {
	}

}
