package fr.maillage.structure;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.Scope.SqlCondition;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Approvals, their documents and renewal milestones. Reads serving a person take the
 * {@link Scope} of the structure they belong to; the daily milestone job and the public
 * directory use the named unscoped reads.
 */
@Repository
class ApprovalRepository {

	private static final String APPROVALS = """
			select a.id, a.structure_id, a.kind_code, k.main, a.starts_on, a.ends_on, a.decided_on, a.decision_body,
			       a.project_axes, a.project_summary
			from approval a join approval_kind k on k.code = a.kind_code join structure s on s.id = a.structure_id""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	ApprovalRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	private static SqlCondition inScope(Scope scope) {
		return scope.where("scope", "s.region_code", "s.departement_code", "s.id");
	}

	/** Approval kinds that a structure of this kind may hold, main first. */
	@Unscoped("reference data")
	List<String> kindsFor(StructureKind kind) {
		return this.jdbc.sql("select code from approval_kind where structure_kind = ? order by position")
			.param(kind.name())
			.query(String.class)
			.list();
	}

	@Unscoped("reference data")
	boolean isMain(String kindCode) {
		return this.jdbc.sql("select main from approval_kind where code = ?")
			.param(kindCode)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Locks a structure's row until the end of the transaction, so that two approvals
	 * recorded at once (a double click) are checked one after the other.
	 */
	void lockStructure(long structureId) {
		this.jdbc.sql("select id from structure where id = ? for update").param(structureId).query(Long.class).list();
	}

	/** A structure's approvals, latest end first. */
	List<Approval> ofStructure(long structureId, Scope scope) {
		SqlCondition where = inScope(scope);
		return this.jdbc
			.sql(APPROVALS + " where a.structure_id = :structure and " + where.sql()
					+ " order by a.ends_on desc, a.id desc")
			.param("structure", structureId)
			.params(where.params())
			.query(ApprovalRepository::approval)
			.list();
	}

	@Unscoped("the public directory shows a structure's current approval period")
	List<Approval> publicOfStructure(long structureId) {
		return ofStructure(structureId, Scope.NATION);
	}

	long insert(Approval approval, Instant now) {
		return this.jdbc.sql("""
				insert into approval (structure_id, kind_code, starts_on, ends_on, decided_on, decision_body,
				                      project_axes, project_summary, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(approval.structureId(), approval.kindCode(), approval.startsOn(), approval.endsOn(),
					approval.decidedOn(), approval.decisionBody(), approval.projectAxes().toArray(String[]::new),
					approval.projectSummary(), now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/**
	 * Adds the milestones of a main approval; those already due on {@code today} get no
	 * notice (recorded or imported late, nobody needs an e-mail about the past).
	 */
	void insertMilestones(long approvalId, LocalDate endsOn, LocalDate today) {
		List<Object[]> rows = new ArrayList<>();
		for (MilestoneKind kind : MilestoneKind.values()) {
			LocalDate due = kind.dueOn(endsOn);
			rows.add(new Object[] { approvalId, kind.name(), Date.valueOf(due),
					due.isBefore(today) ? "SKIPPED" : "PENDING" });
		}
		this.jdbcTemplate
			.batchUpdate("insert into renewal_milestone (approval_id, kind, due_on, notice) values (?, ?, ?, ?)", rows);
	}

	/**
	 * A newer main approval ends the renewal of the older ones: once it is the
	 * structure's latest, the open milestones of the approvals ending before it will not
	 * be announced. Recording an old approval for the history silences nothing.
	 */
	void silenceOlderMilestones(long structureId, long newApprovalId) {
		this.jdbc.sql("""
				update renewal_milestone m set notice = 'SKIPPED'
				from approval a, approval latest
				where latest.id = :latest and a.id = m.approval_id and a.structure_id = :structure
				  and a.ends_on < latest.ends_on and m.notice = 'PENDING'
				  and exists (select 1 from structure_main_approval ma where ma.approval_id = :latest)""")
			.param("latest", newApprovalId)
			.param("structure", structureId)
			.update();
	}

	void update(long approvalId, Approval approval) {
		this.jdbc.sql("""
				update approval set starts_on = ?, ends_on = ?, decided_on = ?, decision_body = ?, project_axes = ?,
				       project_summary = ?
				where id = ?""")
			.params(approval.startsOn(), approval.endsOn(), approval.decidedOn(), approval.decisionBody(),
					approval.projectAxes().toArray(String[]::new), approval.projectSummary(), approvalId)
			.update();
	}

	/**
	 * Moves the milestones of an approval whose end date was corrected, keeping what was
	 * done: a milestone now in the past is not announced, one now in the future will be
	 * (again) on its new day.
	 */
	void moveMilestones(long approvalId, LocalDate endsOn, LocalDate today) {
		for (MilestoneKind kind : MilestoneKind.values()) {
			LocalDate due = kind.dueOn(endsOn);
			this.jdbc
				.sql("""
						update renewal_milestone set due_on = :due,
						       notice = case when done_on is not null then notice
						                     when :due < :today then case when notice = 'SENT' then 'SENT' else 'SKIPPED' end
						                     else 'PENDING' end
						where approval_id = :approval and kind = :kind""")
				.param("due", due)
				.param("today", today)
				.param("approval", approvalId)
				.param("kind", kind.name())
				.update();
		}
	}

	void deleteDocument(long documentId) {
		this.jdbc.sql("delete from approval_document where id = ?").param(documentId).update();
	}

	/** The milestones of a structure's approvals. */
	List<RenewalMilestone> milestonesOf(long structureId, Scope scope) {
		SqlCondition where = inScope(scope);
		return this.jdbc
			.sql("""
					select m.id, m.approval_id, m.kind, m.due_on, m.done_on, m.note
					from renewal_milestone m join approval a on a.id = m.approval_id join structure s on s.id = a.structure_id
					where a.structure_id = :structure and\s"""
					+ where.sql() + " order by m.due_on")
			.param("structure", structureId)
			.params(where.params())
			.query(RenewalMilestone.class)
			.list();
	}

	void markDone(long milestoneId, LocalDate doneOn, String note, Long userId) {
		this.jdbc.sql("update renewal_milestone set done_on = ?, note = ?, done_by = ? where id = ?")
			.params(doneOn, note, userId, milestoneId)
			.update();
	}

	List<ApprovalDocument> documentsOf(long structureId, Scope scope) {
		SqlCondition where = inScope(scope);
		return this.jdbc
			.sql("""
					select d.id, d.approval_id, d.file_name, d.media_type, d.size_bytes, d.uploaded_at
					from approval_document d join approval a on a.id = d.approval_id join structure s on s.id = a.structure_id
					where a.structure_id = :structure and\s"""
					+ where.sql() + " order by d.uploaded_at, d.id")
			.param("structure", structureId)
			.params(where.params())
			.query(ApprovalDocument.class)
			.list();
	}

	long insertDocument(long approvalId, String fileName, String mediaType, byte[] content, Instant now, Long userId) {
		return this.jdbc.sql("""
				insert into approval_document (approval_id, file_name, media_type, size_bytes, content, uploaded_at,
				                               uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(approvalId, fileName, mediaType, content.length, content, now.atOffset(ZoneOffset.UTC), userId)
			.query(Long.class)
			.single();
	}

	/** A document with its content, if it belongs to the structure and lies in scope. */
	Optional<StoredDocument> document(long structureId, long documentId, Scope scope) {
		SqlCondition where = inScope(scope);
		return this.jdbc
			.sql("""
					select d.file_name, d.media_type, d.content
					from approval_document d join approval a on a.id = d.approval_id join structure s on s.id = a.structure_id
					where d.id = :document and a.structure_id = :structure and\s"""
					+ where.sql())
			.param("document", documentId)
			.param("structure", structureId)
			.params(where.params())
			.query(StoredDocument.class)
			.optional();
	}

	/** A document's name, type and bytes, to download. */
	record StoredDocument(String fileName, String mediaType, byte[] content) {
	}

	/**
	 * One line of the renewal dashboard: an active structure and where its latest main
	 * approval's renewal stands.
	 */
	record RenewalRow(long structureId, String structureName, StructureKind kind, String departementCode,
			String communeName, String approvalKind, LocalDate approvalEnd, MilestoneKind nextKind, LocalDate nextDueOn,
			int lateCount) {
	}

	/**
	 * The active structures in scope with a main approval, late ones first (by their
	 * oldest open milestone), then by next open milestone; those with every milestone
	 * done last.
	 */
	List<RenewalRow> renewals(Scope scope, LocalDate today, int offset, int limit) {
		SqlCondition where = inScope(scope);
		return this.jdbc.sql("""
				select s.id as structure_id, s.name as structure_name, s.kind, s.departement_code,
				       c.name as commune_name, ma.kind_code as approval_kind, ma.ends_on as approval_end,
				       next.kind as next_kind, next.due_on as next_due_on,
				       (select count(*) from renewal_milestone l
				        where l.approval_id = ma.approval_id and l.done_on is null and l.due_on < :today) as late_count
				from structure s
				join commune c on c.code = s.commune_code
				join structure_main_approval ma on ma.structure_id = s.id
				left join lateral (select m.kind, m.due_on from renewal_milestone m
				                   where m.approval_id = ma.approval_id and m.done_on is null
				                   order by m.due_on limit 1) next on true
				where s.status = 'ACTIVE' and\s""" + where.sql()
				+ " order by (next.due_on is null), (next.due_on < :today) desc, next.due_on, ma.ends_on, s.name, s.id"
				+ " limit :limit offset :offset")
			.param("today", today)
			.param("limit", limit)
			.param("offset", offset)
			.params(where.params())
			.query(RenewalRow.class)
			.list();
	}

	/**
	 * How many active structures in scope have a late milestone on their latest approval.
	 */
	long lateStructures(Scope scope, LocalDate today) {
		SqlCondition where = inScope(scope);
		return this.jdbc
			.sql("""
					select count(*) from structure s join structure_main_approval ma on ma.structure_id = s.id
					where s.status = 'ACTIVE' and exists (select 1 from renewal_milestone m where m.approval_id = ma.approval_id
					                                      and m.done_on is null and m.due_on < :today) and\s"""
					+ where.sql())
			.param("today", today)
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/**
	 * A milestone that came due and has not been announced, of an active structure's
	 * latest main approval.
	 */
	record DueMilestone(long milestoneId, MilestoneKind kind, LocalDate dueOn, LocalDate approvalEnd, long structureId,
			String structureName, String structureEmail, String departementCode) {
	}

	@Unscoped("the daily milestone job announces due milestones everywhere")
	List<Long> dueUnannounced(LocalDate today) {
		return this.jdbc.sql("""
				select m.id from renewal_milestone m
				join structure_main_approval ma on ma.approval_id = m.approval_id
				join structure s on s.id = ma.structure_id
				where m.notice = 'PENDING' and m.due_on <= ? and m.done_on is null and s.status = 'ACTIVE'
				order by m.due_on, m.id""").param(today).query(Long.class).list();
	}

	/**
	 * Claims one due milestone for announcing, in the caller's transaction: empty if it
	 * was announced, done or claimed by another instance meanwhile.
	 */
	@Unscoped("the daily milestone job announces due milestones everywhere")
	Optional<DueMilestone> claimDue(long milestoneId, LocalDate today) {
		return this.jdbc.sql("""
				select m.id as milestone_id, m.kind, m.due_on, ma.ends_on as approval_end, s.id as structure_id,
				       s.name as structure_name, s.email as structure_email, s.departement_code
				from renewal_milestone m
				join structure_main_approval ma on ma.approval_id = m.approval_id
				join structure s on s.id = ma.structure_id
				where m.id = ? and m.notice = 'PENDING' and m.due_on <= ? and m.done_on is null and s.status = 'ACTIVE'
				for update of m skip locked""").params(milestoneId, today).query(DueMilestone.class).optional();
	}

	void markAnnounced(long milestoneId) {
		this.jdbc.sql("update renewal_milestone set notice = 'SENT' where id = ?").param(milestoneId).update();
	}

	static Approval approval(ResultSet rs, int row) throws SQLException {
		Date decided = rs.getDate("decided_on");
		Array axes = rs.getArray("project_axes");
		return new Approval(rs.getLong("id"), rs.getLong("structure_id"), rs.getString("kind_code"),
				rs.getBoolean("main"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
				(decided != null) ? decided.toLocalDate() : null, rs.getString("decision_body"),
				(axes != null) ? Arrays.asList((String[]) axes.getArray()) : List.of(),
				rs.getString("project_summary"));
	}

}
