package fr.maillage.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the tracking pages, the reminders and the exports read: counts of responses by
 * status and territory, the late responses of a département, reminders sent, and the
 * answers of a campaign streamed row by row.
 */
@Repository
class TrackingRepository {

	/** Statuses of a response the structure still has to submit. */
	static final List<String> LATE = List.of("NOT_STARTED", "IN_PROGRESS", "RETURNED");

	/** Rows fetched at a time by the exports (never the whole campaign in memory). */
	private static final int FETCH_SIZE = 2_000;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate streaming;

	TrackingRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.streaming = new NamedParameterJdbcTemplate(template);
	}

	/** The responses of one département by status. */
	record DepartementCounts(String regionCode, String regionName, String departementCode, String departementName,
			Counts counts) {
	}

	List<DepartementCounts> countsByDepartement(long campaignId, Scope scope) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "s.id");
		return this.jdbc.sql("""
				select s.region_code, rg.name as region_name, s.departement_code, d.name as departement_name,
				       count(*) as target,
				       count(*) filter (where r.status = 'NOT_STARTED') as not_started,
				       count(*) filter (where r.status = 'IN_PROGRESS') as in_progress,
				       count(*) filter (where r.status in ('SUBMITTED', 'VALIDATED')) as submitted,
				       count(*) filter (where r.status = 'RETURNED') as returned,
				       count(*) filter (where r.status = 'VALIDATED') as validated
				from response r join structure s on s.id = r.structure_id
				join departement d on d.code = s.departement_code join region rg on rg.code = s.region_code
				where r.campaign_id = :campaign and\s""" + condition.sql() + """
				\sgroup by s.region_code, rg.name, s.departement_code, d.name
				order by s.region_code, s.departement_code""")
			.param("campaign", campaignId)
			.params(condition.params())
			.query((rs, row) -> new DepartementCounts(rs.getString("region_code"), rs.getString("region_name"),
					rs.getString("departement_code"), rs.getString("departement_name"),
					new Counts(rs.getInt("target"), rs.getInt("not_started"), rs.getInt("in_progress"),
							rs.getInt("submitted"), rs.getInt("returned"), rs.getInt("validated"))))
			.list();
	}

	/** A département and its region, as the official geography names them. */
	record Place(String departementCode, String departementName, String regionCode) {
	}

	@Unscoped("the official geography is public")
	Optional<Place> departement(String code) {
		return this.jdbc.sql("select code, name, region_code from departement where code = ?")
			.param(code)
			.query((rs, row) -> new Place(rs.getString("code"), rs.getString("name"), rs.getString("region_code")))
			.optional();
	}

	/** A response its structure has not submitted yet, as the late list shows it. */
	record Late(long responseId, long structureId, String structureName, ResponseStatus status, Instant lastActivity,
			LocalDate closesOn, LocalDate lastRemindedOn) {
	}

	List<Late> late(long campaignId, String departementCode, Scope scope) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "s.id");
		return this.jdbc.sql("""
				select r.id, r.structure_id, s.name, r.status,
				       greatest(r.updated_at, (select max(a.updated_at) from answer a where a.response_id = r.id))
				           as last_activity,
				       coalesce(e.until_on, c.closes_on) as closes_on,
				       (select max(rr.sent_on) from response_reminder rr where rr.response_id = r.id) as last_reminded
				from response r join campaign c on c.id = r.campaign_id join structure s on s.id = r.structure_id
				left join response_extension e on e.response_id = r.id
				where r.campaign_id = :campaign and s.departement_code = :departement and r.status in (:late)
				  and\s""" + condition.sql() + """
				\sorder by coalesce(e.until_on, c.closes_on), s.name, r.id""")
			.param("campaign", campaignId)
			.param("departement", departementCode)
			.param("late", LATE)
			.params(condition.params())
			.query((rs, row) -> new Late(rs.getLong("id"), rs.getLong("structure_id"), rs.getString("name"),
					ResponseStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("last_activity")),
					rs.getObject("closes_on", LocalDate.class), rs.getObject("last_reminded", LocalDate.class)))
			.list();
	}

	/** What a reminder needs to know of a response and its structure. */
	record ToRemind(long responseId, long structureId, String structureName, String structureEmail, String regionCode,
			String departementCode, ResponseStatus status, int dataYear, LocalDate closesOn) {
	}

	private static final String TO_REMIND = """
			select r.id, r.structure_id, s.name, s.email, s.region_code, s.departement_code, r.status, c.data_year,
			       coalesce(e.until_on, c.closes_on) as closes_on
			from response r join campaign c on c.id = r.campaign_id join structure s on s.id = r.structure_id
			left join response_extension e on e.response_id = r.id
			""";

	/**
	 * One response, held until the transaction ends (a submission waits for the
	 * reminder).
	 */
	Optional<ToRemind> toRemind(long responseId, Scope scope) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "s.id");
		return this.jdbc.sql(TO_REMIND + " where r.id = :id and " + condition.sql() + " for update of r")
			.param("id", responseId)
			.params(condition.params())
			.query(TrackingRepository::toRemind)
			.optional();
	}

	/**
	 * The late responses of every campaign opened by {@code day} whose deadline is one of
	 * their campaign's reminder days away.
	 */
	@Unscoped("the scheduled reminders run for every structure, without a signed-in person")
	List<Long> dueForReminder(LocalDate day) {
		return this.jdbc.sql("""
				select r.id
				from response r join campaign c on c.id = r.campaign_id
				left join response_extension e on e.response_id = r.id
				where c.opens_on <= :day and r.status in (:late)
				  and (coalesce(e.until_on, c.closes_on) - cast(:day as date)) = any (c.reminder_days)
				  and not exists (select 1 from response_reminder rr where rr.response_id = r.id and rr.sent_on = :day)
				order by r.id""").param("day", day).param("late", LATE).query(Long.class).list();
	}

	/**
	 * Records the day's reminder of a response unless one was recorded already; whether
	 * this one was.
	 */
	boolean recordReminder(long responseId, LocalDate day, String trigger, Long userId, Instant now) {
		return this.jdbc.sql("""
				insert into response_reminder (response_id, sent_on, trigger, sent_by, sent_at)
				values (?, ?, ?, ?, ?) on conflict (response_id, sent_on) do nothing""")
			.params(responseId, day, trigger, userId, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Streams the answers of a campaign within {@code scope}: one call per answer, by
	 * structure then question order (its position in {@code codeOrder}) then item. With
	 * {@code withEmpty}, a response without any answer gives one call with a null code.
	 * Must run in a transaction (PostgreSQL streams only then).
	 */
	void streamAnswers(long campaignId, Scope scope, List<String> codeOrder, boolean withEmpty,
			AnswerRowHandler handler) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "s.id");
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("campaign", campaignId)
			.addValue("order", codeOrder.toArray(String[]::new));
		condition.params().forEach(params::addValue);
		String sql = """
				select s.id, s.name, s.departement_code, c.data_year, r.status, a.code, a.item, a.value
				from response r join campaign c on c.id = r.campaign_id join structure s on s.id = r.structure_id
				%s join answer a on a.response_id = r.id
				where r.campaign_id = :campaign and %s
				order by s.departement_code, s.id, array_position(cast(:order as text[]), a.code) nulls last, a.code,
				         a.item""".formatted(withEmpty ? "left" : "", condition.sql());
		this.streaming.query(sql, params,
				(RowCallbackHandler) rs -> handler.row(new AnswerRow(rs.getLong("id"), rs.getString("name"),
						rs.getString("departement_code"), rs.getInt("data_year"), rs.getString("status"),
						rs.getString("code"), rs.getInt("item"), rs.getString("value"))));
	}

	/** One answer of the export (code null: a response without answers). */
	record AnswerRow(long structureId, String structureName, String departementCode, int dataYear, String status,
			String code, int item, String value) {
	}

	/** Receives the export's rows one by one. */
	@FunctionalInterface
	interface AnswerRowHandler {

		void row(AnswerRow row) throws SQLException;

	}

	/** The (code, item) pairs answered in a campaign within {@code scope}. */
	List<Map.Entry<String, Integer>> answeredFields(long campaignId, Scope scope) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "s.id");
		return this.jdbc.sql("""
				select distinct a.code, a.item
				from answer a join response r on r.id = a.response_id join structure s on s.id = r.structure_id
				where r.campaign_id = :campaign and\s""" + condition.sql() + " order by a.code, a.item")
			.param("campaign", campaignId)
			.params(condition.params())
			.query((rs, row) -> Map.entry(rs.getString("code"), rs.getInt("item")))
			.list();
	}

	/**
	 * A département's median of some questions, and how many structures it comes from.
	 */
	record Medians(int structures, Map<String, java.math.BigDecimal> medians) {
	}

	/**
	 * The median of each question (outside repeat groups) among the other submitted or
	 * validated responses to the campaign in a département from structures of the same
	 * kind, and how many such responses there are.
	 */
	@Unscoped("département statistics: only medians and a count leave this method, never a structure's value")
	Medians departementMedians(long campaignId, String departementCode, String kind, long exceptStructureId,
			Collection<String> codes) {
		int structures = this.jdbc.sql("""
				select count(*) from response r join structure s on s.id = r.structure_id
				where r.campaign_id = :campaign and s.departement_code = :departement and s.kind = :kind
				  and r.structure_id <> :self and r.status in ('SUBMITTED', 'VALIDATED')""")
			.param("campaign", campaignId)
			.param("departement", departementCode)
			.param("kind", kind)
			.param("self", exceptStructureId)
			.query(Integer.class)
			.single();
		Map<String, java.math.BigDecimal> medians = new HashMap<>();
		if (!codes.isEmpty()) {
			this.jdbc.sql("""
					select a.code, percentile_cont(0.5) within group (order by a.value::numeric) as median
					from answer a join response r on r.id = a.response_id join structure s on s.id = r.structure_id
					where r.campaign_id = :campaign and s.departement_code = :departement and s.kind = :kind
					  and r.structure_id <> :self and r.status in ('SUBMITTED', 'VALIDATED') and a.item = 0
					  and a.code in (:codes) and a.value ~ '^-?[0-9]+(\\.[0-9]+)?$'
					group by a.code""")
				.param("campaign", campaignId)
				.param("departement", departementCode)
				.param("kind", kind)
				.param("self", exceptStructureId)
				.param("codes", new ArrayList<>(codes))
				.query((rs, row) -> medians.put(rs.getString("code"), rs.getBigDecimal("median")))
				.list();
		}
		return new Medians(structures, medians);
	}

	private static ToRemind toRemind(ResultSet rs, int row) throws SQLException {
		return new ToRemind(rs.getLong("id"), rs.getLong("structure_id"), rs.getString("name"), rs.getString("email"),
				rs.getString("region_code"), rs.getString("departement_code"),
				ResponseStatus.valueOf(rs.getString("status")), rs.getInt("data_year"),
				rs.getObject("closes_on", LocalDate.class));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
