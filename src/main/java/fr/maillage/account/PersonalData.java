package fr.maillage.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditTrail;
import fr.maillage.shared.security.Unscoped;
import fr.maillage.shared.web.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own data: what we hold about them (downloadable), and erasure on request,
 * confirmed by a national administrator. Erasing replaces the name and address in the
 * user table, the only place they live; the audit trail keeps the bare user id.
 */
@Service
class PersonalData {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final ScopeLabels scopeLabels;

	PersonalData(JdbcClient jdbc, Clock clock, AuditTrail audit, ScopeLabels scopeLabels) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.scopeLabels = scopeLabels;
	}

	/** Everything held about the signed-in person, as a document to download. */
	@Transactional
	@Unscoped("the signed-in person's own data")
	Map<String, Object> export(AccountPrincipal user) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("compte", this.jdbc.sql("""
				select email as "adresse", display_name as "nom", created_at::text as "créé_le",
				       last_login_at::text as "dernière_connexion", enabled as "actif",
				       totp_enabled_at is not null as "double_authentification"
				from app_user where id = ?""").param(user.id()).query().singleRow());
		document.put("rôles",
				user.assignments()
					.stream()
					.map(a -> Map.of("rôle", a.role().name(), "territoire", this.scopeLabels.label(a)))
					.toList());
		document.put("invitations_envoyées", this.jdbc.sql("""
				select email as "adresse", role as "rôle", created_at::text as "le" from invitation
				where invited_by = ? order by created_at""").param(user.id()).query().listOfRows());
		document.put("demandes_d_effacement", this.jdbc.sql("""
				select requested_at::text as "demandée_le", confirmed_at::text as "confirmée_le" from erasure_request
				where user_id = ?""").param(user.id()).query().listOfRows());
		this.audit.record(AuditEvent.onAccount("personal-data.exported", user.id(), user.id(), Map.of()));
		return document;
	}

	@Transactional
	void requestErasure(AccountPrincipal user) {
		int created = this.jdbc.sql("""
				insert into erasure_request (user_id, requested_at) values (?, ?) on conflict do nothing""")
			.params(user.id(), OffsetDateTime.now(this.clock))
			.update();
		if (created == 1) {
			this.audit.record(AuditEvent.onAccount("erasure.requested", user.id(), user.id(), Map.of()));
		}
	}

	boolean erasureRequested(long userId) {
		return this.jdbc.sql("select exists (select 1 from erasure_request where user_id = ? and confirmed_at is null)")
			.param(userId)
			.query(Boolean.class)
			.single();
	}

	record OpenRequest(long id, long userId, String displayName, String email, OffsetDateTime requestedAt) {
	}

	@Unscoped("national administrators only (route rule): erasure requests of the whole platform")
	List<OpenRequest> openRequests() {
		return this.jdbc.sql("""
				select r.id, r.user_id, u.display_name, u.email, r.requested_at from erasure_request r
				join app_user u on u.id = r.user_id where r.confirmed_at is null order by r.requested_at""")
			.query(OpenRequest.class)
			.list();
	}

	/**
	 * Anonymises the account: name and address replaced, signed out for good, roles
	 * removed.
	 */
	@Transactional
	void confirmErasure(long requestId, AccountPrincipal admin) {
		Long userId = this.jdbc.sql("select user_id from erasure_request where id = ? and confirmed_at is null")
			.param(requestId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("erasure.not-found"));
		if (userId == admin.id()) {
			throw new AccessDeniedException("Another national administrator confirms one's own erasure");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		String email = this.jdbc.sql("select lower(email) from app_user where id = ?")
			.param(userId)
			.query(String.class)
			.single();
		this.jdbc.sql("""
				update app_user set email = 'efface-' || id || '@invalid', display_name = 'Personne effacée',
				       password_hash = null, enabled = false, totp_secret = null, totp_enabled_at = null
				where id = ?""").param(userId).update();
		this.jdbc.sql("delete from role_assignment where user_id = ?").param(userId).update();
		this.jdbc.sql("delete from recovery_code where user_id = ?").param(userId).update();
		this.jdbc.sql("delete from password_reset where user_id = ?").param(userId).update();
		// The address also sits in the invitations sent to it: erase it there too, and
		// close
		// them, so that nothing recreates the account. (Sent e-mails keep their recipient
		// until the outbox retention purge.)
		this.jdbc.sql("""
				update invitation set email = 'efface-' || ? || '@invalid', display_name = 'Personne effacée',
				       renewed_at = coalesce(renewed_at, ?)
				where lower(email) = ?""").params(userId, now, email).update();
		this.jdbc.sql("update erasure_request set confirmed_at = ?, confirmed_by = ? where id = ?")
			.params(now, admin.id(), requestId)
			.update();
		this.audit.record(AuditEvent.onAccount("user.erased", admin.id(), userId, Map.of()));
	}

}
