package fr.maillage.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditTrail;
import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Choosing a new password through a single-use link sent by e-mail. Asking for one never
 * tells whether the address has an account.
 */
@Service
@Unscoped("the person is not signed in: the secret token is the authorisation")
class PasswordResets {

	static final Duration VALIDITY = Duration.ofHours(2);

	/** At most one reset e-mail per account in this time. */
	static final Duration RESEND_AFTER = Duration.ofMinutes(5);

	/**
	 * The first national administrator of a new installation has a day to set a password.
	 */
	static final Duration BOOTSTRAP_VALIDITY = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EmailOutbox outbox;

	private final AuditTrail audit;

	private final PasswordEncoder passwordEncoder;

	private final Sessions sessions;

	PasswordResets(JdbcClient jdbc, Clock clock, EmailOutbox outbox, AuditTrail audit, PasswordEncoder passwordEncoder,
			Sessions sessions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.outbox = outbox;
		this.audit = audit;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
	}

	record Reset(long id, long userId, String email) {
	}

	/**
	 * E-mails a link if an active account has that address and none was sent in the last
	 * few minutes (so that nobody can flood a mailbox); the caller says the same thing in
	 * every case.
	 */
	@Transactional
	void request(String email, String baseUrl) {
		Optional<Long> userId = this.jdbc.sql("select id from app_user where lower(email) = ? and enabled")
			.param(Emails.normalize(email))
			.query(Long.class)
			.optional();
		if (userId.isEmpty() || sentRecently(userId.get())) {
			return;
		}
		String token = create(userId.get(), VALIDITY);
		this.outbox.enqueue(new OutgoingEmail(Emails.normalize(email), "password-reset",
				Map.of("link", baseUrl + "/mot-de-passe/" + token, "expiresOn",
						this.clock.instant().plus(VALIDITY).atZone(this.clock.getZone()))));
		record(userId.get(), "password.reset-requested");
	}

	private boolean sentRecently(long userId) {
		return this.jdbc.sql("select exists (select 1 from password_reset where user_id = ? and created_at > ?)")
			.params(userId, OffsetDateTime.now(this.clock).minus(RESEND_AFTER))
			.query(Boolean.class)
			.single();
	}

	/** A link for an account with no password yet (the bootstrap administrator). */
	@Transactional
	String firstPasswordLink(long userId, String baseUrl) {
		return baseUrl + "/mot-de-passe/" + create(userId, BOOTSTRAP_VALIDITY);
	}

	Optional<Reset> findOpen(String token) {
		return this.jdbc.sql("""
				select r.id, r.user_id, u.email from password_reset r join app_user u on u.id = r.user_id
				where r.token_hash = ? and r.used_at is null and r.expires_at > ? and u.enabled""")
			.params(Tokens.hash(token), OffsetDateTime.now(this.clock))
			.query(Reset.class)
			.optional();
	}

	/** Sets the password and closes every open link of the account. */
	@Transactional
	void complete(Reset reset, String password) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		int closed = this.jdbc.sql("update password_reset set used_at = ? where id = ? and used_at is null")
			.params(now, reset.id())
			.update();
		if (closed != 1) {
			throw new IllegalStateException("Password reset " + reset.id() + " was used concurrently");
		}
		this.jdbc.sql("update password_reset set used_at = ? where user_id = ? and used_at is null")
			.params(now, reset.userId())
			.update();
		this.jdbc.sql("update app_user set password_hash = ? where id = ?")
			.params(this.passwordEncoder.encode(password), reset.userId())
			.update();
		this.jdbc.sql("delete from login_throttle where key_kind = 'ACCOUNT' and key_value = ?")
			.param(Emails.normalize(reset.email()))
			.update();
		this.sessions.endAllBut(reset.email(), null);
		record(reset.userId(), "password.reset");
	}

	private String create(long userId, Duration validity) {
		String token = Tokens.newToken();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("insert into password_reset (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
			.params(userId, Tokens.hash(token), now, now.plus(validity))
			.update();
		return token;
	}

	private void record(long userId, String action) {
		this.audit.record(AuditEvent.onAccount(action, userId, userId, Map.of()));
	}

}
