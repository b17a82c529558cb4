package fr.maillage.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import fr.maillage.shared.security.Scope;
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

	/**
	 * What an autosave needs, in one round trip: the response's status, where it lies,
	 * its questionnaire, its structure's kind, its campaign's close and its extension's
	 * date (for the deadline, in the structure's time zone), and its stored answers.
	 */
	record ForSave(long structureId, String regionCode, String departementCode, ResponseStatus status,
			long questionnaireVersionId, String structureKind, LocalDate closesOn, LocalDate extendedUntil,
			List<Stored> answers) {
	}

	Optional<ForSave> forSave(long responseId, Scope scope) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "r.structure_id");
		record Row(ForSave response, Stored answer) {
		}
		List<Row> rows = this.jdbc.sql("""
				select r.structure_id, s.region_code, s.departement_code, r.status, c.questionnaire_version_id, s.kind,
				       c.closes_on, x.until_on, a.code, a.item, a.value, a.version
				from response r join campaign c on c.id = r.campaign_id join structure s on s.id = r.structure_id
				left join response_extension x on x.response_id = r.id
				left join answer a on a.response_id = r.id
				where r.id = :id and\s""" + condition.sql())
			.param("id", responseId)
			.params(condition.params())
			.query((rs, number) -> new Row(new ForSave(rs.getLong("structure_id"), rs.getString("region_code"),
					rs.getString("departement_code"), ResponseStatus.valueOf(rs.getString("status")),
					rs.getLong("questionnaire_version_id"), rs.getString("kind"),
					rs.getObject("closes_on", LocalDate.class), rs.getObject("until_on", LocalDate.class), List.of()),
					(rs.getString("code") != null) ? new Stored(rs.getString("code"), rs.getInt("item"),
							rs.getString("value"), rs.getInt("version")) : null))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		ForSave first = rows.getFirst().response();
		return Optional.of(new ForSave(first.structureId(), first.regionCode(), first.departementCode(), first.status(),
				first.questionnaireVersionId(), first.structureKind(), first.closesOn(), first.extendedUntil(),
				rows.stream().map(Row::answer).filter(Objects::nonNull).toList()));
	}

	@Unscoped("the caller found the response within its scope first")
	Optional<LocalDate> extensionOf(long responseId) {
		return this.jdbc.sql("select until_on from response_extension where response_id = ?")
			.param(responseId)
			.query((rs, row) -> rs.getObject("until_on", LocalDate.class))
			.optional();
	}

	/** A field's value and the response's status, after a write found both changed. */
	record Now(ResponseStatus status, Optional<Stored> field) {
	}

	@Unscoped("the caller found the response within its scope first")
	Now now(long responseId, String code, int item) {
		return this.jdbc.sql("""
				select r.status, a.code, a.item, a.value, a.version
				from response r left join answer a on a.response_id = r.id and a.code = ? and a.item = ?
				where r.id = ?""")
			.params(code, item, responseId)
			.query((rs, number) -> new Now(ResponseStatus.valueOf(rs.getString("status")),
					Optional.ofNullable((rs.getString("code") != null) ? new Stored(rs.getString("code"),
							rs.getInt("item"), rs.getString("value"), rs.getInt("version")) : null)))
			.single();
	}

	@Unscoped("the caller found the response within its scope first")
	Optional<Stored> one(long responseId, String code, int item) {
		return this.jdbc
			.sql("select code, item, value, version from answer where response_id = ? and code = ? and item = ?")
			.params(responseId, code, item)
			.query(Stored.class)
			.optional();
	}

	/*
	 * The three writes below change a field only if nobody did since the caller read it
	 * (its version, or its absence) and the response still takes answers, and add the
	 * change to the history, in one statement: one round trip, committed on its own, for
	 * an autosave's write. The statement holds the response's row shared while it runs,
	 * and a submission holds it alone from its checks to its transition, so no value is
	 * saved in between. False (empty) when the field or the response changed; the caller
	 * then reads what they are now ({@link #now}).
	 */

	/** The response, held shared for the statement, if it still takes answers. */
	private static final String OPEN = """
			open_response as (select id from response where id = ? and status in ('NOT_STARTED', 'IN_PROGRESS', 'RETURNED')
			    for share)""";

	/**
	 * Stores a value in a field that has none. Its version follows every earlier change
	 * of the field (a field cleared then filled again never goes back to a version
	 * someone's page still shows), so a stale page always meets a conflict.
	 */
	Optional<Integer> insertFirst(long responseId, String code, int item, String value, Instant now, Long userId) {
		return this.jdbc.sql("""
				with %s,
				added as (
				    insert into answer (response_id, code, item, value, version, updated_at, updated_by)
				    select ?, ?, ?, ?, 1 + count(*), ?, ? from answer_history
				    where response_id = ? and code = ? and item = ?
				    having exists (select 1 from open_response)
				    on conflict (response_id, code, item) do nothing
				    returning response_id, code, item, value, version, updated_at, updated_by),
				logged as (
				    insert into answer_history (response_id, code, item, old_value, new_value, changed_at, changed_by)
				    select response_id, code, item, null, value, updated_at, updated_by from added)
				select version from added""".formatted(OPEN))
			.params(responseId, responseId, code, item, value, utc(now), userId, responseId, code, item)
			.query(Integer.class)
			.optional();
	}

	/** Replaces a value read at {@code version}. */
	boolean replace(long responseId, String code, int item, String oldValue, String value, int version, Instant now,
			Long userId) {
		return this.jdbc
			.sql("""
					with %s,
					changed as (
					    update answer set value = ?, version = ?, updated_at = ?, updated_by = ?
					    where response_id = ? and code = ? and item = ? and version = ? and exists (select 1 from open_response)
					    returning response_id, code, item, value, updated_at, updated_by)
					insert into answer_history (response_id, code, item, old_value, new_value, changed_at, changed_by)
					select response_id, code, item, ?, value, updated_at, updated_by from changed"""
				.formatted(OPEN))
			.params(responseId, value, version + 1, utc(now), userId, responseId, code, item, version, oldValue)
			.update() == 1;
	}

	/** Clears a value read at {@code version}. */
	boolean delete(long responseId, String code, int item, String oldValue, int version, Instant now, Long userId) {
		return this.jdbc.sql("""
				with %s,
				gone as (
				    delete from answer where response_id = ? and code = ? and item = ? and version = ?
				        and exists (select 1 from open_response)
				    returning response_id, code, item)
				insert into answer_history (response_id, code, item, old_value, new_value, changed_at, changed_by)
				select response_id, code, item, ?, null, ?, ? from gone""".formatted(OPEN))
			.params(responseId, responseId, code, item, version, oldValue, utc(now), userId)
			.update() == 1;
	}

	private static java.time.OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
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
