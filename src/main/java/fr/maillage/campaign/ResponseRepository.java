package fr.maillage.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Responses and their transitions. A response lies where its structure lies: reads join
 * {@code structure} and filter on its region, its département and the structure itself.
 */
@Repository
class ResponseRepository {

	private static final String SELECT = """
			select r.id, r.campaign_id, r.structure_id, c.data_year, r.status, r.version, r.submitted_at,
			       r.validated_at, r.last_message, s.region_code, s.departement_code
			from response r join campaign c on c.id = r.campaign_id join structure s on s.id = r.structure_id
			""";

	private final JdbcClient jdbc;

	ResponseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A response and where it lies (for permission checks and the audit trail). */
	record Located(Response response, String regionCode, String departementCode) {
	}

	/** One response if it lies within {@code scope}. */
	Optional<Located> find(long id, Scope scope) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "r.structure_id");
		return this.jdbc.sql(SELECT + " where r.id = :id and " + condition.sql())
			.param("id", id)
			.params(condition.params())
			.query(ResponseRepository::located)
			.optional();
	}

	/**
	 * A structure's response to a campaign, if it exists and lies within {@code scope}.
	 */
	Optional<Located> findFor(long campaignId, long structureId, Scope scope) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "r.structure_id");
		return this.jdbc
			.sql(SELECT + " where r.campaign_id = :campaign and r.structure_id = :structure and " + condition.sql())
			.param("campaign", campaignId)
			.param("structure", structureId)
			.params(condition.params())
			.query(ResponseRepository::located)
			.optional();
	}

	/** Whether the structure exists and lies within {@code scope}. */
	boolean structureIn(long structureId, Scope scope) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "s.id");
		return this.jdbc.sql("select count(*) from structure s where s.id = :id and " + condition.sql())
			.param("id", structureId)
			.params(condition.params())
			.query(Long.class)
			.single() > 0;
	}

	/** A structure's response to one campaign, for the list of its questionnaires. */
	record Listed(long id, long campaignId, int dataYear, ResponseStatus status, Instant submittedAt) {
	}

	@Unscoped("the caller passes a structure found within its scope")
	java.util.List<Listed> ofStructure(long structureId) {
		return this.jdbc.sql("""
				select r.id, r.campaign_id, c.data_year, r.status, r.submitted_at
				from response r join campaign c on c.id = r.campaign_id
				where r.structure_id = ? order by c.data_year desc""")
			.param(structureId)
			.query((rs, row) -> new Listed(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("data_year"),
					ResponseStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("submitted_at"))))
			.list();
	}

	/** Holds the response's row until the transaction ends. */
	void lock(long responseId) {
		this.jdbc.sql("select id from response where id = ? for update").param(responseId).query(Long.class).list();
	}

	/**
	 * Creates the NOT_STARTED response unless it exists (two first visits race safely).
	 */
	int createIfAbsent(long campaignId, long structureId, Instant now) {
		return this.jdbc.sql("""
				insert into response (campaign_id, structure_id, updated_at) values (?, ?, ?)
				on conflict (campaign_id, structure_id) do nothing""")
			.params(campaignId, structureId, Timestamp.from(now))
			.update();
	}

	/** A response still to answer, for the "à faire" list of its structure's people. */
	record ToDo(long id, int dataYear, ResponseStatus status, java.time.LocalDate closesOn,
			java.time.LocalDate extendedUntil) {
	}

	/**
	 * The structure's responses to opened campaigns that still take (or took) answers:
	 * not started, in progress or returned.
	 */
	@Unscoped("the caller passes a structure found within its scope")
	java.util.List<ToDo> toDo(long structureId) {
		return this.jdbc.sql("""
				select r.id, c.data_year, r.status, c.closes_on, x.until_on
				from response r join campaign c on c.id = r.campaign_id
				left join response_extension x on x.response_id = r.id
				where r.structure_id = ? and c.opened_at is not null
				  and r.status in ('NOT_STARTED', 'IN_PROGRESS', 'RETURNED')
				order by c.data_year desc""")
			.param(structureId)
			.query((rs, row) -> new ToDo(rs.getLong("id"), rs.getInt("data_year"),
					ResponseStatus.valueOf(rs.getString("status")),
					rs.getObject("closes_on", java.time.LocalDate.class),
					rs.getObject("until_on", java.time.LocalDate.class)))
			.list();
	}

	/** Sets (or moves) a response's extension. */
	void extend(long responseId, java.time.LocalDate until, Long grantedBy, Instant now) {
		this.jdbc.sql("""
				insert into response_extension (response_id, until_on, granted_by, granted_at) values (?, ?, ?, ?)
				on conflict (response_id) do update
				set until_on = excluded.until_on, granted_by = excluded.granted_by, granted_at = excluded.granted_at""")
			.params(responseId, java.sql.Date.valueOf(until), grantedBy, Timestamp.from(now))
			.update();
	}

	/**
	 * Saves the response's state if nobody changed it since it was read: the version read
	 * must still be the current one. Returns whether it was saved.
	 */
	boolean save(Response response, Instant now) {
		return this.jdbc.sql("""
				update response set status = :status, version = version + 1, submitted_at = :submitted,
				       validated_at = :validated, last_message = :message, updated_at = :now
				where id = :id and version = :version""")
			.param("status", response.status().name())
			.param("submitted", timestamp(response.submittedAt()))
			.param("validated", timestamp(response.validatedAt()))
			.param("message", response.lastMessage())
			.param("now", Timestamp.from(now))
			.param("id", response.id())
			.param("version", response.version())
			.update() == 1;
	}

	/** Appends one transition to the response's history. */
	void addTransition(long responseId, ResponseTransition transition) {
		this.jdbc.sql("""
				insert into response_transition (response_id, from_status, to_status, actor_user_id, message,
				                                 occurred_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(responseId, transition.from().name(), transition.to().name(), transition.actorUserId(),
					transition.message(), Timestamp.from(transition.occurredAt()))
			.update();
	}

	private static Located located(ResultSet rs, int row) throws SQLException {
		Response response = new Response(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("structure_id"),
				rs.getInt("data_year"), ResponseStatus.valueOf(rs.getString("status")), rs.getInt("version"),
				instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("validated_at")),
				rs.getString("last_message"));
		return new Located(response, rs.getString("region_code"), rs.getString("departement_code"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
