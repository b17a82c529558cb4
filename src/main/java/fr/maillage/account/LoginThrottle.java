package fr.maillage.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per submitted account name and per client address, in the
 * database so that every application instance sees the same counters. The account name is
 * counted whether or not such an account exists, so a refusal reveals nothing.
 */
@Service
class LoginThrottle {

	enum Key {

		ACCOUNT, ADDRESS

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final LoginThrottleProperties properties;

	LoginThrottle(JdbcClient jdbc, Clock clock, LoginThrottleProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** How long the caller must still wait, if either key is blocked. */
	@Transactional(readOnly = true)
	Optional<Duration> refusal(String account, String address) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select max(blocked_until) from login_throttle
				where ((key_kind = 'ACCOUNT' and key_value = ?) or (key_kind = 'ADDRESS' and key_value = ?))
				  and blocked_until > ?""")
			.params(normalize(account), address, at(now))
			.query(OffsetDateTime.class)
			.optional()
			.map(until -> Duration.between(now, until.toInstant()));
	}

	@Transactional
	void recordFailure(String account, String address) {
		int accountFailures = increment(Key.ACCOUNT, normalize(account), this.properties.accountWindow());
		if (accountFailures >= this.properties.accountFreeFailures()) {
			block(Key.ACCOUNT, normalize(account), accountBlock(accountFailures));
		}
		int addressFailures = increment(Key.ADDRESS, address, this.properties.addressWindow());
		if (addressFailures >= this.properties.addressMaxFailures()) {
			block(Key.ADDRESS, address, this.properties.addressBlock());
		}
	}

	/** A successful sign-in clears the account's counter (not the address's). */
	@Transactional
	void recordSuccess(String account) {
		this.jdbc.sql("delete from login_throttle where key_kind = 'ACCOUNT' and key_value = ?")
			.param(normalize(account))
			.update();
	}

	/** 1 min at the 5th failure, then 2, 4, 8… up to the maximum. */
	Duration accountBlock(int failures) {
		int doublings = Math.min(failures - this.properties.accountFreeFailures(), 20);
		Duration block = this.properties.accountFirstBlock().multipliedBy(1L << doublings);
		return (block.compareTo(this.properties.accountMaxBlock()) > 0) ? this.properties.accountMaxBlock() : block;
	}

	private int increment(Key key, String value, Duration window) {
		OffsetDateTime now = at(this.clock.instant());
		OffsetDateTime windowStart = at(this.clock.instant().minus(window));
		return this.jdbc.sql("""
				insert into login_throttle (key_kind, key_value, failures, first_failure_at)
				values (:kind, :value, 1, :now)
				on conflict (key_kind, key_value) do update set
				    failures = case when login_throttle.first_failure_at < :windowStart then 1
				                    else login_throttle.failures + 1 end,
				    first_failure_at = case when login_throttle.first_failure_at < :windowStart then :now
				                            else login_throttle.first_failure_at end
				returning failures""")
			.param("kind", key.name())
			.param("value", value)
			.param("now", now)
			.param("windowStart", windowStart)
			.query(Integer.class)
			.single();
	}

	private void block(Key key, String value, Duration duration) {
		this.jdbc.sql("update login_throttle set blocked_until = ? where key_kind = ? and key_value = ?")
			.params(at(this.clock.instant().plus(duration)), key.name(), value)
			.update();
	}

	private static String normalize(String account) {
		return (account != null) ? account.strip().toLowerCase(Locale.ROOT) : "";
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
