package fr.maillage.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code email_outbox} table. The sender's statements are each a transaction of their
 * own (a single statement), so a claim holds its row locks only for the time of one
 * update, and a message is never held locked while it is being sent.
 */
@Repository
@Unscoped("the whole outbox: the sender, and the Courriels page of the national administration (route rule)")
class OutboxRepository {

	private static final String COLUMNS = """
			id, message_id, recipient, subject, body_text, body_html, template, status, attempts,
			next_attempt_at, claimed_until, last_error, created_at, sent_at""";

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Joins the caller's transaction, like every JdbcClient statement. */
	long insert(String messageId, String recipient, RenderedEmail email, String template, Instant now) {
		return this.jdbc.sql("""
				insert into email_outbox (message_id, recipient, subject, body_text, body_html, template,
				                          status, next_attempt_at, created_at)
				values (:messageId, :recipient, :subject, :text, :html, :template, 'PENDING', :now, :now)
				returning id""")
			.param("messageId", messageId)
			.param("recipient", recipient)
			.param("subject", email.subject())
			.param("text", email.text())
			.param("html", email.html())
			.param("template", template)
			.param("now", at(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Takes the next message that is due, or whose sender's lease ran out, and marks it
	 * {@code SENDING} until {@code leaseUntil}. {@code skip locked}: two senders never
	 * wait for each other nor take the same row. The lease end is also the row's next
	 * attempt (if its sender dies), so that one index serves both cases.
	 */
	Optional<StoredEmail> claimNext(Instant now, Instant leaseUntil) {
		return this.jdbc.sql("""
				update email_outbox
				set status = 'SENDING', claimed_until = :leaseUntil, next_attempt_at = :leaseUntil
				where id = (
				    select id from email_outbox
				    where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
				    order by next_attempt_at, id
				    limit 1
				    for update skip locked)
				returning %s""".formatted(COLUMNS))
			.param("now", at(now))
			.param("leaseUntil", at(leaseUntil))
			.query(OutboxRepository::email)
			.optional();
	}

	void markSent(long id, Instant now) {
		this.jdbc.sql("""
				update email_outbox
				set status = 'SENT', sent_at = :now, attempts = attempts + 1, claimed_until = null
				where id = :id""").param("id", id).param("now", at(now)).update();
	}

	/** Back to {@code PENDING} for a later attempt, or given up. */
	void markFailed(long id, String error, EmailStatus status, Instant nextAttemptAt) {
		this.jdbc.sql("""
				update email_outbox
				set status = :status, attempts = attempts + 1, last_error = :error,
				    next_attempt_at = :nextAttemptAt, claimed_until = null
				where id = :id""")
			.param("id", id)
			.param("status", status.name())
			.param("error", error)
			.param("nextAttemptAt", at(nextAttemptAt))
			.update();
	}

	/** The "Courriels" page: newest first (ids grow with insertion). */
	List<StoredEmail> page(EmailStatus status, int offset, int limit) {
		return filtered("select " + COLUMNS + " from email_outbox", status,
				" order by id desc limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(OutboxRepository::email)
			.list();
	}

	long count(EmailStatus status) {
		return filtered("select count(*) from email_outbox", status, "").query(Long.class).single();
	}

	Optional<StoredEmail> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from email_outbox where id = ?")
			.param(id)
			.query(OutboxRepository::email)
			.optional();
	}

	/** No "(:status is null or …)" in SQL: PostgreSQL cannot type a null parameter. */
	private JdbcClient.StatementSpec filtered(String select, EmailStatus status, String rest) {
		if (status == null) {
			return this.jdbc.sql(select + rest);
		}
		return this.jdbc.sql(select + " where status = :status" + rest).param("status", status.name());
	}

	private static StoredEmail email(ResultSet rs, int row) throws SQLException {
		return new StoredEmail(rs.getLong("id"), rs.getString("message_id"), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getString("template"),
				EmailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				instant(rs, "claimed_until"), rs.getString("last_error"), instant(rs, "created_at"),
				instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
