package fr.maillage.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditTrail;
import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import fr.maillage.shared.security.Unscoped;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts nobody used for 12 months are deactivated, after a warning e-mail a month
 * before (and never less than two weeks before). Signing in again clears the warning. A
 * daily job; with several instances, a transaction-level advisory lock lets one run it.
 */
@Service
@Unscoped("a background job over every account")
class InactiveAccounts {

	private static final Logger log = LoggerFactory.getLogger(InactiveAccounts.class);

	static final Period UNUSED = Period.ofMonths(12);

	static final Period WARNING_BEFORE = Period.ofDays(30);

	static final Period MINIMUM_NOTICE = Period.ofDays(14);

	/** Any constant shared by the instances; names this job's advisory lock. */
	private static final long LOCK = 0x4d41494c4c414745L;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final EmailOutbox outbox;

	private final AuditTrail audit;

	private final String baseUrl;

	private final TransactionTemplate transactions;

	InactiveAccounts(JdbcClient jdbc, Clock clock, EmailOutbox outbox, AuditTrail audit,
			@Value("${maillage.base-url}") String baseUrl, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.outbox = outbox;
		this.audit = audit;
		this.baseUrl = baseUrl;
	}

	@Scheduled(cron = "${maillage.accounts.inactivity-cron}", zone = "Europe/Paris")
	@SchedulerLock(name = "accounts.inactivity", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void daily() {
		// Through the template: a call to run() from here would bypass its @Transactional
		// proxy, and the outbox refuses e-mails outside a transaction.
		Result result = this.transactions.execute(status -> run());
		if (result.warned() + result.deactivated() > 0) {
			log.info("Inactive accounts: {} warned, {} deactivated", result.warned(), result.deactivated());
		}
	}

	record Result(int warned, int deactivated) {
	}

	@Transactional
	Result run() {
		if (!this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
			return new Result(0, 0);
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		OffsetDateTime warnBefore = now.minus(UNUSED).plus(WARNING_BEFORE);
		OffsetDateTime deactivateBefore = now.minus(UNUSED);
		record Unused(long id, String email, OffsetDateTime lastUse) {
		}
		List<Unused> toWarn = this.jdbc.sql("""
				select id, email, coalesce(last_login_at, created_at) as last_use from app_user
				where enabled and inactivity_warned_at is null and coalesce(last_login_at, created_at) < ?""")
			.param(warnBefore)
			.query(Unused.class)
			.list();
		for (Unused account : toWarn) {
			LocalDate deactivation = LocalDate.ofInstant(now.plus(WARNING_BEFORE).toInstant(), this.clock.getZone());
			this.outbox.enqueue(new OutgoingEmail(account.email(), "inactivity-warning",
					Map.of("deactivationOn", deactivation, "link", this.baseUrl + "/connexion")));
			this.jdbc.sql("update app_user set inactivity_warned_at = ? where id = ?")
				.params(now, account.id())
				.update();
			record("user.inactivity-warned", account.id());
		}
		List<Long> toDeactivate = this.jdbc.sql("""
				select id from app_user u
				where enabled and coalesce(last_login_at, created_at) < ? and inactivity_warned_at <= ?
				  -- never the last national administrator: nobody could invite anyone again
				  and not exists (
				      select 1 from role_assignment r where r.user_id = u.id and r.role = 'NATIONAL_ADMIN'
				        and not exists (select 1 from role_assignment o join app_user a on a.id = o.user_id
				                        where o.role = 'NATIONAL_ADMIN' and a.enabled and a.id <> u.id))""")
			.params(deactivateBefore, now.minus(MINIMUM_NOTICE))
			.query(Long.class)
			.list();
		for (long id : toDeactivate) {
			this.jdbc.sql("update app_user set enabled = false where id = ?").param(id).update();
			record("user.deactivated-inactive", id);
		}
		return new Result(toWarn.size(), toDeactivate.size());
	}

	private void record(String action, long userId) {
		this.audit.record(AuditEvent.onAccount(action, null, userId, Map.of()));
	}

}
