package fr.maillage.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditTrail;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: a TOTP secret shared with the person's authenticator application,
 * and ten single-use recovery codes for the day the phone is lost.
 */
@Service
@Unscoped("a person's own second factor, reached only through their own session")
class SecondFactor {

	static final int RECOVERY_CODES = 10;

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	SecondFactor(JdbcClient jdbc, Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Checks a code typed at sign-in: a current TOTP code not used before, or an unused
	 * recovery code (which is then spent).
	 */
	@Transactional
	boolean verify(long userId, String typed) {
		String secret = this.jdbc.sql("select totp_secret from app_user where id = ? and totp_enabled_at is not null")
			.param(userId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (secret == null || typed == null) {
			return false;
		}
		OptionalLong step = Totp.matchingStep(secret, typed, this.clock.instant());
		if (step.isPresent()) {
			// Refuses a replayed code atomically, even with two sign-ins at once.
			return this.jdbc.sql("""
					update app_user set totp_last_step = ?
					where id = ? and (totp_last_step is null or totp_last_step < ?)""")
				.params(step.getAsLong(), userId, step.getAsLong())
				.update() == 1;
		}
		boolean recovered = this.jdbc
			.sql("""
					update recovery_code set used_at = ?
					where id = (select id from recovery_code where user_id = ? and code_hash = ? and used_at is null limit 1)""")
			.params(OffsetDateTime.now(this.clock), userId, hash(typed))
			.update() == 1;
		if (recovered) {
			record(userId, "second-factor.recovery-code-used", Map.of());
		}
		return recovered;
	}

	/**
	 * Turns the second factor on once the person proved their application shows the right
	 * code for {@code secret}; returns the recovery codes to show once, or an empty list
	 * if the code was wrong.
	 */
	@Transactional
	List<String> enable(long userId, String secret, String typed) {
		OptionalLong step = Totp.matchingStep(secret, typed, this.clock.instant());
		if (step.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("update app_user set totp_secret = ?, totp_enabled_at = ?, totp_last_step = ? where id = ?")
			.params(secret, OffsetDateTime.now(this.clock), step.getAsLong(), userId)
			.update();
		record(userId, "second-factor.enabled", Map.of());
		return newRecoveryCodes(userId);
	}

	@Transactional
	void disable(long userId) {
		this.jdbc
			.sql("update app_user set totp_secret = null, totp_enabled_at = null, totp_last_step = null where id = ?")
			.param(userId)
			.update();
		this.jdbc.sql("delete from recovery_code where user_id = ?").param(userId).update();
		record(userId, "second-factor.disabled", Map.of());
	}

	/** Replaces every recovery code of the person by ten new ones. */
	@Transactional
	List<String> newRecoveryCodes(long userId) {
		this.jdbc.sql("delete from recovery_code where user_id = ?").param(userId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = randomCode();
			codes.add(code);
			this.jdbc.sql("insert into recovery_code (user_id, code_hash) values (?, ?)")
				.params(userId, hash(code))
				.update();
		}
		return codes;
	}

	/** The code step of a sign-in, in the audit trail. */
	@Transactional
	void recordOutcome(long userId, boolean accepted) {
		record(userId, accepted ? "signin.second-factor.succeeded" : "signin.second-factor.failed", Map.of());
	}

	int remainingRecoveryCodes(long userId) {
		return this.jdbc.sql("select count(*) from recovery_code where user_id = ? and used_at is null")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Stores a known secret, turned on: the demo administrators' (printed in the log).
	 */
	void enableKnownSecret(long userId, String secret) {
		this.jdbc.sql("update app_user set totp_secret = ?, totp_enabled_at = ? where id = ?")
			.params(secret, OffsetDateTime.now(this.clock), userId)
			.update();
	}

	/** A deterministic secret for a demo account: same seed and address, same secret. */
	static String demoSecret(long seed, String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("maillage-demo-totp:" + seed + ":" + email).getBytes(StandardCharsets.UTF_8));
			return Totp.base32(java.util.Arrays.copyOf(digest, 20));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** Recovery codes are compared without case, spaces or dashes. */
	private static String hash(String code) {
		return Tokens.hash(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
	}

	private void record(long userId, String action, Map<String, Object> after) {
		this.audit.record(AuditEvent.onAccount(action, userId, userId, after));
	}

}
