package fr.maillage.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.ScopeKind;
import fr.maillage.shared.security.Unscoped;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inviting people: an address that already has an account gets the role at once; a new
 * one gets a single-use link valid 7 days, e-mailed in the same transaction.
 */
@Service
class Invitations {

	static final Duration VALIDITY = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EmailOutbox outbox;

	private final AuditTrail audit;

	private final AccessPolicy policy;

	private final ScopeLabels scopeLabels;

	private final MessageSource messages;

	private final PasswordEncoder passwordEncoder;

	private final StructureDirectory structures;

	Invitations(JdbcClient jdbc, Clock clock, EmailOutbox outbox, AuditTrail audit, AccessPolicy policy,
			ScopeLabels scopeLabels, MessageSource messages, PasswordEncoder passwordEncoder,
			StructureDirectory structures) {
		this.structures = structures;
		this.jdbc = jdbc;
		this.clock = clock;
		this.outbox = outbox;
		this.audit = audit;
		this.policy = policy;
		this.scopeLabels = scopeLabels;
		this.messages = messages;
		this.passwordEncoder = passwordEncoder;
	}

	/** What an invitation did. */
	enum Outcome {

		/** A new person: an invitation was e-mailed. */
		INVITED,
		/** An existing account received the role. */
		ROLE_ADDED,
		/** The account already held that role there: nothing changed. */
		ALREADY_HELD

	}

	/**
	 * Invites one person, as the signed-in person.
	 * @throws AccessDeniedException if the signed-in person may not grant that role there
	 */
	@Transactional
	Outcome invite(String email, String displayName, RoleAssignment assignment, String baseUrl) {
		AccountPrincipal inviter = this.policy.currentUser().orElseThrow(() -> new AccessDeniedException("anonymous"));
		if (!this.policy.mayGrant(assignment)) {
			throw new AccessDeniedException("May not grant " + assignment);
		}
		String address = Emails.normalize(email);
		Optional<Long> existing = userIdByEmail(address);
		if (existing.isPresent() && existing.get() == inviter.id()) {
			// Nobody grants themselves a role (e.g. a structure role to answer, then
			// validate).
			throw new AccessDeniedException("Nobody grants themselves a role");
		}
		if (existing.isPresent()) {
			return grant(existing.get(), assignment, inviter.id()) ? Outcome.ROLE_ADDED : Outcome.ALREADY_HELD;
		}
		createAndSend(address, displayName.strip(), assignment, inviter.id(), inviter.displayName(), false, baseUrl);
		return Outcome.INVITED;
	}

	/** The invitation a link points to, whatever its state. */
	@Unscoped("the invitee is not signed in: the secret token is the authorisation")
	Optional<Invitation> findByToken(String token) {
		return this.jdbc
			.sql("""
					select id, email, display_name, role, scope_kind, scope_code, expires_at, accepted_at, renewed_at, invited_by,
					       claim
					from invitation where token_hash = ?""")
			.param(Tokens.hash(token))
			.query((rs, row) -> new Invitation(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					new RoleAssignment(0, Role.valueOf(rs.getString("role")),
							ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("scope_code")),
					rs.getObject("expires_at", OffsetDateTime.class),
					rs.getObject("accepted_at", OffsetDateTime.class) != null
							|| rs.getObject("renewed_at", OffsetDateTime.class) != null,
					(Long) rs.getObject("invited_by"), rs.getObject("renewed_at", OffsetDateTime.class) != null,
					rs.getBoolean("claim")))
			.optional();
	}

	/** The open invitations of an address: neither used, renewed nor expired. */
	@Unscoped("the invitee is not signed in: the provider's verified address is the authorisation")
	List<Invitation> findOpen(String normalizedEmail) {
		return this.jdbc.sql("""
				select id, email, display_name, role, scope_kind, scope_code, expires_at, invited_by, claim
				from invitation
				where lower(email) = ? and accepted_at is null and renewed_at is null and expires_at > ?
				order by id""")
			.params(normalizedEmail, OffsetDateTime.now(this.clock))
			.query((rs, row) -> new Invitation(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					new RoleAssignment(0, Role.valueOf(rs.getString("role")),
							ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("scope_code")),
					rs.getObject("expires_at", OffsetDateTime.class), false, (Long) rs.getObject("invited_by"), false,
					rs.getBoolean("claim")))
			.list()
			.stream()
			.filter(this::inviterStillEntitled)
			.toList();
	}

	/**
	 * Accepts an open invitation: creates the account and sets its password, or, if the
	 * address already has an account, only adds the role to it; closes the invitation.
	 * @return the account id
	 */
	@Transactional
	long accept(Invitation invitation, String displayName, String password) {
		boolean newAccount = accountOf(invitation.email()).isEmpty();
		long userId = close(invitation, displayName.strip(), Map.of());
		// An account that exists keeps its password and name: an invitation adds a role,
		// it never takes an account over.
		if (newAccount) {
			this.jdbc.sql("update app_user set password_hash = ?, display_name = ? where id = ?")
				.params(this.passwordEncoder.encode(password), displayName.strip(), userId)
				.update();
		}
		return userId;
	}

	/** The account that already uses this address, if any. */
	Optional<Long> accountOf(String email) {
		return this.jdbc.sql("select id from app_user where lower(email) = ?")
			.param(Emails.normalize(email))
			.query(Long.class)
			.optional();
	}

	/**
	 * Accepts an open invitation for someone whose address an OIDC provider vouched for:
	 * the account, if new, has the name the inviter typed and no password (the person
	 * signs in through the provider, or sets one with "mot de passe oublié").
	 * @return the account id
	 */
	@Transactional
	long acceptWithoutPassword(Invitation invitation, String provider) {
		return close(invitation, invitation.displayName(), Map.of("provider", provider));
	}

	private long close(Invitation invitation, String displayName, Map<String, Object> how) {
		if (invitation.used() || isExpired(invitation)) {
			throw new IllegalStateException("Invitation " + invitation.id() + " is no longer open");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		long userId = userIdByEmail(invitation.email()).orElseGet(() -> this.jdbc.sql("""
				insert into app_user (email, display_name, enabled, created_at) values (?, ?, true, ?) returning id""")
			.params(invitation.email(), displayName, now)
			.query(Long.class)
			.single());
		grant(userId, invitation.assignment(), invitation.invitedBy());
		int closed = this.jdbc.sql(
				"update invitation set accepted_at = ?, accepted_by = ? where id = ? and accepted_at is null and renewed_at is null")
			.params(now, userId, invitation.id())
			.update();
		if (closed != 1) {
			throw new IllegalStateException("Invitation " + invitation.id() + " was used concurrently");
		}
		Map<String, Object> after = new HashMap<>(how);
		after.put("userId", userId);
		record(Category.SECURITY, "invitation.accepted", userId, "invitation", invitation.id(), invitation.assignment(),
				Map.of(), after);
		return userId;
	}

	/** Replaces an expired invitation by a new one, e-mailed to the same address. */
	@Transactional
	void renew(Invitation invitation, String baseUrl) {
		if (invitation.used()) {
			throw new IllegalStateException("Invitation " + invitation.id() + " was already used or renewed");
		}
		this.jdbc.sql("update invitation set renewed_at = ? where id = ?")
			.params(OffsetDateTime.now(this.clock), invitation.id())
			.update();
		String inviterName = (invitation.invitedBy() != null)
				? this.jdbc.sql("select display_name from app_user where id = ?")
					.param(invitation.invitedBy())
					.query(String.class)
					.optional()
					.orElse("Maillage")
				: "Maillage";
		createAndSend(invitation.email(), invitation.displayName(), invitation.assignment(), invitation.invitedBy(),
				inviterName, invitation.claim(), baseUrl);
	}

	/**
	 * Whether the person who sent the invitation could still send it: an account that was
	 * deactivated, or lost the role or the territory, no longer lets its invitations in.
	 */
	boolean inviterStillEntitled(Invitation invitation) {
		if (invitation.claim()) {
			// The registry's claim link: good while nobody has taken the structure in
			// hand,
			// the structure is active and the link went to its current contact address.
			String structureId = invitation.assignment().scopeCode();
			return !hasManager(structureId)
					&& this.structures.acceptsClaim(Long.parseLong(structureId), invitation.email());
		}
		if (invitation.invitedBy() == null) {
			return false;
		}
		boolean enabled = this.jdbc.sql("select enabled from app_user where id = ?")
			.param(invitation.invitedBy())
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (!enabled) {
			return false;
		}
		RoleAssignment target = invitation.assignment();
		return this.jdbc.sql("select id, role, scope_kind, scope_code from role_assignment where user_id = ?")
			.param(invitation.invitedBy())
			.query((rs, row) -> new RoleAssignment(rs.getLong("id"), Role.valueOf(rs.getString("role")),
					ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("scope_code")))
			.list()
			.stream()
			.anyMatch(
					held -> held.role().grantableRoles().contains(target.role()) && this.policy.contains(held, target));
	}

	boolean isExpired(Invitation invitation) {
		return !invitation.expiresAt().toInstant().isAfter(this.clock.instant());
	}

	private void createAndSend(String address, String displayName, RoleAssignment assignment, Long inviterId,
			String inviterName, boolean claim, String baseUrl) {
		String token = insert(address, displayName, assignment, inviterId, claim);
		OffsetDateTime expires = OffsetDateTime.now(this.clock).plus(VALIDITY);
		this.outbox.enqueue(new OutgoingEmail(address, "invitation",
				Map.of("inviterName", inviterName, "roleLabel", roleLabel(assignment.role()), "scopeLabel",
						this.scopeLabels.label(assignment), "link", baseUrl + "/invitation/" + token, "expiresOn",
						expires.toInstant().atZone(this.clock.getZone()))));
	}

	/**
	 * Stores a new invitation, audited; returns its token (which only the e-mail keeps).
	 */
	private String insert(String address, String displayName, RoleAssignment assignment, Long inviterId,
			boolean claim) {
		String token = Tokens.newToken();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		long id = this.jdbc.sql("""
				insert into invitation (email, display_name, role, scope_kind, scope_code, token_hash, invited_by,
				                        created_at, expires_at, claim)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(address, displayName, assignment.role().name(), assignment.scopeKind().name(),
					assignment.scopeCode(), Tokens.hash(token), inviterId, now, now.plus(VALIDITY), claim)
			.query(Long.class)
			.single();
		record(Category.SECURITY, claim ? "structure.claim-link-created" : "user.invited", inviterId, "invitation", id,
				assignment, Map.of(),
				Map.of("role", assignment.role().name(), "scope", ScopeRef.of(assignment).toString()));
		return token;
	}

	/**
	 * A claim link for a structure that has no account yet: an invitation to become its
	 * manager, sent by the registry inside its own e-mail (no separate invitation
	 * e-mail). Single use, valid 7 days, and void once someone manages the structure.
	 */
	@Transactional
	String claimLink(long structureId, String email, String structureName, String baseUrl) {
		RoleAssignment assignment = new RoleAssignment(0, Role.STRUCTURE_MANAGER, ScopeKind.STRUCTURE,
				Long.toString(structureId));
		return baseUrl + "/invitation/" + insert(Emails.normalize(email), structureName, assignment, null, true);
	}

	/** Whether an enabled account manages the structure. */
	boolean hasManager(String structureId) {
		return this.jdbc.sql("""
				select exists (select 1 from role_assignment ra join app_user u on u.id = ra.user_id
				               where ra.role = 'STRUCTURE_MANAGER' and ra.scope_kind = 'STRUCTURE'
				                 and ra.scope_code = ? and u.enabled)""")
			.param(structureId)
			.query(Boolean.class)
			.single();
	}

	/** Adds the assignment unless already held; returns whether it was added. */
	boolean grant(long userId, RoleAssignment assignment, Long grantedBy) {
		int added = this.jdbc.sql("""
				insert into role_assignment (user_id, role, scope_kind, scope_code, granted_by, granted_at)
				values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(userId, assignment.role().name(), assignment.scopeKind().name(), assignment.scopeCode(), grantedBy,
					OffsetDateTime.now(this.clock))
			.update();
		if (added == 1) {
			record(Category.SECURITY, "role.granted", grantedBy, "user", userId, assignment, Map.of(),
					Map.of("role", assignment.role().name(), "scope", ScopeRef.of(assignment).toString()));
		}
		return added == 1;
	}

	private Optional<Long> userIdByEmail(String normalized) {
		return this.jdbc.sql("select id from app_user where lower(email) = ?")
			.param(normalized)
			.query(Long.class)
			.optional();
	}

	private String roleLabel(Role role) {
		return this.messages.getMessage("role." + role.name(), null, Locale.FRANCE);
	}

	private void record(Category category, String action, Long actor, String objectType, long objectId,
			RoleAssignment assignment, Map<String, Object> before, Map<String, Object> after) {
		AccessPolicy.Location location = this.policy.locate(assignment);
		this.audit.record(new AuditEvent(category, action, actor, objectType, Long.toString(objectId),
				(location != null) ? location.departementCode() : null,
				(location != null) ? location.structureId() : null, before, after));
	}

	/** An invitation as its link shows it. */
	record Invitation(long id, String email, String displayName, RoleAssignment assignment, OffsetDateTime expiresAt,
			boolean used, Long invitedBy, boolean renewed, boolean claim) {
	}

	/** For the bulk form: the assignments of many people at once, all or nothing. */
	@Transactional
	List<Outcome> inviteAll(List<BulkInvitations.Line> lines, String baseUrl) {
		return lines.stream()
			.map(line -> invite(line.email(), line.displayName(), line.assignment(), baseUrl))
			.toList();
	}

}
