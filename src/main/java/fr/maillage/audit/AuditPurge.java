package fr.maillage.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import fr.maillage.audit.AuditEvent.Category;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge: the one path that deletes audit entries. It declares itself to the
 * database trigger with a transaction-local setting, so the deletion is allowed for this
 * transaction only. Daily, and on one instance at a time (ShedLock).
 */
@Component
class AuditPurge {

	private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AuditProperties properties;

	AuditPurge(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, AuditProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The nightly run. Public, as the scheduler calls it through ShedLock's proxy. The
	 * lock is held at least 5 min, so that an instance whose schedule fires a little late
	 * does not purge again right after another one.
	 */
	@Scheduled(cron = "${maillage.audit.purge-cron}", zone = "Europe/Paris")
	@SchedulerLock(name = "audit.purge", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	public void purgeOnSchedule() {
		Purged purged = purge();
		log.info("Audit purge: {} security and {} data entries past their retention removed", purged.security(),
				purged.data());
	}

	/** Removes the entries older than their category's retention. */
	Purged purge() {
		return this.transactions.execute(status -> {
			this.jdbc.sql("select set_config('maillage.audit_purge', 'on', true)").query(String.class).single();
			return new Purged(delete(Category.SECURITY, this.properties.retention().security()),
					delete(Category.DATA, this.properties.retention().data()));
		});
	}

	private int delete(Category category, Duration retention) {
		return this.jdbc.sql("delete from audit_entry where category = ? and occurred_at < ?")
			.params(category.name(), this.clock.instant().minus(retention).atOffset(ZoneOffset.UTC))
			.update();
	}

	/** How many entries of each category were removed. */
	record Purged(int security, int data) {
	}

}
