package fr.maillage.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;
import fr.maillage.shared.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes managers make to people they can see: remove a role, deactivate or reactivate
 * an account. A person out of scope is "not found"; an action beyond the manager's rights
 * on a visible person is refused.
 */
@Service
class PeopleManagement {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccessPolicy policy;

	private final PeopleRepository people;

	private final AccountUserDetailsService accounts;

	private final AuditTrail audit;

	PeopleManagement(JdbcClient jdbc, Clock clock, AccessPolicy policy, PeopleRepository people,
			AccountUserDetailsService accounts, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.policy = policy;
		this.people = people;
		this.accounts = accounts;
		this.audit = audit;
	}

	/** The person, if the signed-in manager may see them. */
	PeopleRepository.Person visiblePerson(long personId) {
		return this.people.find(personId, this.policy.scopeFor(Permission.MANAGE_USERS), this.policy.grantableRoles())
			.orElseThrow(() -> new NotFoundException("people.not-found"));
	}

	List<RoleAssignment> assignmentsOf(long personId) {
		visiblePerson(personId);
		return this.accounts.assignmentsOf(personId);
	}

	@Transactional
	void removeAssignment(long personId, long assignmentId) {
		RoleAssignment assignment = assignmentsOf(personId).stream()
			.filter(a -> a.id() == assignmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("people.not-found"));
		if (!this.policy.mayGrant(assignment)) {
			throw new AccessDeniedException("May not revoke " + assignment);
		}
		if (assignment.role() == Role.NATIONAL_ADMIN && countNationalAdmins() <= 1) {
			throw new LastNationalAdminException();
		}
		this.jdbc.sql("delete from role_assignment where id = ? and user_id = ?")
			.params(assignmentId, personId)
			.update();
		record("role.revoked", personId, assignment,
				Map.of("role", assignment.role().name(), "scope", ScopeRef.of(assignment).toString()), Map.of());
	}

	@Transactional
	void setEnabled(long personId, boolean enabled) {
		PeopleRepository.Person person = visiblePerson(personId);
		long self = this.policy.currentUser().map(AccountPrincipal::id).orElse(-1L);
		List<RoleAssignment> assignments = this.accounts.assignmentsOf(personId);
		if (personId == self || !assignments.stream().allMatch(this.policy::mayGrant)) {
			throw new AccessDeniedException("May not change the account of " + personId);
		}
		if (person.enabled() == enabled) {
			return;
		}
		this.jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, personId).update();
		this.audit.record(new AuditEvent(Category.SECURITY, enabled ? "user.reactivated" : "user.deactivated", self,
				"user", Long.toString(personId), null, null, Map.of("enabled", !enabled),
				Map.of("enabled", enabled, "at", OffsetDateTime.now(this.clock).toString())));
	}

	private long countNationalAdmins() {
		return this.jdbc.sql("""
				select count(distinct ra.user_id) from role_assignment ra join app_user u on u.id = ra.user_id
				where ra.role = 'NATIONAL_ADMIN' and u.enabled""").query(Long.class).single();
	}

	private void record(String action, long personId, RoleAssignment assignment, Map<String, Object> before,
			Map<String, Object> after) {
		AccessPolicy.Location location = this.policy.locate(assignment);
		this.audit.record(new AuditEvent(Category.SECURITY, action,
				this.policy.currentUser().map(AccountPrincipal::id).orElse(null), "user", Long.toString(personId),
				(location != null) ? location.departementCode() : null,
				(location != null) ? location.structureId() : null, before, after));
	}

	/** The platform must keep at least one national administrator. */
	static class LastNationalAdminException extends RuntimeException {

		LastNationalAdminException() {
			super("The last national administrator cannot lose that role");
		}

	}

}
