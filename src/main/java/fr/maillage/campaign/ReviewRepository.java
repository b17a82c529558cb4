package fr.maillage.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the review screens read and write besides the response itself: reviewers'
 * comments, the list of responses to review, and the history of a response.
 */
@Repository
class ReviewRepository {

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A reviewer's comment; {@code code} is null for one on the whole response. */
	public record Comment(long id, String code, int item, String body, String author, Instant createdAt) {

		/** When, in French time, as the pages show it. */
		public java.time.LocalDateTime local() {
			return java.time.LocalDateTime.ofInstant(this.createdAt, Deadlines.METROPOLE);
		}

	}

	void addComment(long responseId, String code, int item, String body, long authorId, Instant at) {
		this.jdbc.sql("""
				insert into response_comment (response_id, code, item, body, author_id, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(responseId, code, item, body, authorId, Timestamp.from(at))
			.update();
	}

	@Unscoped("the caller found the response within its scope first")
	List<Comment> comments(long responseId) {
		return this.jdbc.sql("""
				select c.id, c.code, c.item, c.body, coalesce(u.display_name, '') as author, c.created_at
				from response_comment c left join app_user u on u.id = c.author_id
				where c.response_id = ? order by c.id""")
			.param(responseId)
			.query((rs, row) -> new Comment(rs.getLong("id"), rs.getString("code"), rs.getInt("item"),
					rs.getString("body"), rs.getString("author"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** One status change, as the history tab shows it. */
	public record Step(ResponseStatus from, ResponseStatus to, String actor, String message, Instant at) {
	}

	@Unscoped("the caller found the response within its scope first")
	List<Step> steps(long responseId) {
		return this.jdbc.sql("""
				select t.from_status, t.to_status, coalesce(u.display_name, '') as actor, t.message, t.occurred_at
				from response_transition t left join app_user u on u.id = t.actor_user_id
				where t.response_id = ? order by t.id""")
			.param(responseId)
			.query((rs, row) -> new Step(ResponseStatus.valueOf(rs.getString("from_status")),
					ResponseStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("message"),
					rs.getTimestamp("occurred_at").toInstant()))
			.list();
	}

	/** A response in the reviewers' list. */
	public record Listed(long id, long structureId, String structureName, String kind, String departementCode,
			ResponseStatus status, Instant submittedAt, int comments) {

		/** When it was submitted, in French time. */
		public java.time.LocalDateTime submittedLocal() {
			return java.time.LocalDateTime.ofInstant(this.submittedAt, Deadlines.METROPOLE);
		}

	}

	/** Responses of a campaign within {@code scope}, in the given statuses, a page. */
	List<Listed> list(long campaignId, List<ResponseStatus> statuses, Scope scope, int offset, int limit) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "r.structure_id");
		return this.jdbc
			.sql("""
					select r.id, r.structure_id, s.name, s.kind, s.departement_code, r.status, r.submitted_at,
					       (select count(*) from response_comment c where c.response_id = r.id) as comments
					from response r join structure s on s.id = r.structure_id
					where r.campaign_id = :campaign and r.status in (:statuses) and\s""" + condition.sql()
					+ " order by r.submitted_at nulls last, s.departement_code, s.name limit :limit offset :offset")
			.param("campaign", campaignId)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("limit", limit)
			.param("offset", offset)
			.params(condition.params())
			.query((rs, row) -> new Listed(rs.getLong("id"), rs.getLong("structure_id"), rs.getString("name"),
					rs.getString("kind"), rs.getString("departement_code"),
					ResponseStatus.valueOf(rs.getString("status")),
					(rs.getTimestamp("submitted_at") != null) ? rs.getTimestamp("submitted_at").toInstant() : null,
					rs.getInt("comments")))
			.list();
	}

	long count(long campaignId, List<ResponseStatus> statuses, Scope scope) {
		Scope.SqlCondition condition = scope.where("read", "s.region_code", "s.departement_code", "r.structure_id");
		return this.jdbc.sql("""
				select count(*) from response r join structure s on s.id = r.structure_id
				where r.campaign_id = :campaign and r.status in (:statuses) and\s""" + condition.sql())
			.param("campaign", campaignId)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.params(condition.params())
			.query(Long.class)
			.single();
	}

}
