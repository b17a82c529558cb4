package fr.maillage.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MaillageIntegrationTest
class AuditTrailTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditPurge purge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Test
	void recordsAnEntryWithTheCallersChangeAndTheRegionOfItsDepartement() {
		String objectId = UUID.randomUUID().toString();
		Map<String, Object> before = new HashMap<>();
		before.put("name", "Centre social du Vernet");
		before.put("phone", null);
		this.transactions.executeWithoutResult(status -> this.trail
			.record(new AuditEvent(Category.DATA, "structure.updated", 1L, "structure", objectId, "66", 42L, before,
					Map.of("name", "Centre social Saint-Mathieu", "phone", "04 68 00 00 00"))));

		record Row(OffsetDateTime occurredAt, String category, String regionCode, String departementCode,
				Long structureId, String before, String after) {
		}
		Row row = this.jdbc.sql("""
				select occurred_at, category, region_code, departement_code, structure_id,
				       before::text as before, after::text as after
				from audit_entry where object_id = ?""").param(objectId).query(Row.class).single();
		assertThat(row.occurredAt().toInstant()).isEqualTo(this.clock.instant());
		assertThat(row.category()).isEqualTo("DATA");
		assertThat(row.regionCode()).as("Occitanie").isEqualTo("76");
		assertThat(row.departementCode()).isEqualTo("66");
		assertThat(row.structureId()).isEqualTo(42L);
		assertThat(row.before()).contains("\"phone\": null").contains("Centre social du Vernet");
		assertThat(row.after()).contains("Saint-Mathieu");
	}

	@Test
	void leavesNoEntryWhenTheCallersTransactionRollsBack() {
		String objectId = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult(status -> {
			this.trail.record(event(Category.DATA, objectId));
			status.setRollbackOnly();
		});
		assertThat(entries(objectId)).isZero();
	}

	@Test
	void refusesToRecordOutsideATransaction() {
		assertThatThrownBy(() -> this.trail.record(event(Category.DATA, "outside")))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void refusesAnUnknownDepartement() {
		assertThatThrownBy(() -> this.transactions.executeWithoutResult(status -> this.trail
			.record(new AuditEvent(Category.DATA, "test", null, "structure", "1", "00", null, Map.of(), Map.of()))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theDatabaseRefusesToUpdateOrDeleteAnEntry() {
		String objectId = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult(status -> this.trail.record(event(Category.SECURITY, objectId)));

		assertThatThrownBy(() -> this.jdbc.sql("update audit_entry set action = 'forged' where object_id = ?")
			.param(objectId)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_entry where object_id = ?").param(objectId).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate audit_entry").update()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		// Even the purge's setting does not allow an update.
		assertThatThrownBy(() -> this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("select set_config('maillage.audit_purge', 'on', true)").query(String.class).single();
			this.jdbc.sql("update audit_entry set action = 'forged' where object_id = ?").param(objectId).update();
		})).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThat(this.jdbc.sql("select action from audit_entry where object_id = ?")
			.param(objectId)
			.query(String.class)
			.list()).containsExactly("test.event");
	}

	@Test
	void thePurgeRemovesOnlyTheEntriesPastTheirCategorysRetention() {
		String run = UUID.randomUUID().toString();
		insertAged(Category.SECURITY, run + "-security-364d", Duration.ofDays(364));
		insertAged(Category.SECURITY, run + "-security-366d", Duration.ofDays(366));
		insertAged(Category.DATA, run + "-data-366d", Duration.ofDays(366));
		insertAged(Category.DATA, run + "-data-1824d", Duration.ofDays(1824));
		insertAged(Category.DATA, run + "-data-1826d", Duration.ofDays(1826));

		AuditPurge.Purged purged = this.purge.purge();

		assertThat(purged.security()).isGreaterThanOrEqualTo(1);
		assertThat(purged.data()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("select object_id from audit_entry where object_id like ? order by object_id")
			.param(run + "%")
			.query(String.class)
			.list()).containsExactly(run + "-data-1824d", run + "-data-366d", run + "-security-364d");
		// The permission to delete ended with the purge's transaction.
		assertThatThrownBy(
				() -> this.jdbc.sql("delete from audit_entry where object_id like ?").param(run + "%").update())
			.isInstanceOf(DataAccessException.class);
	}

	@Test
	void theScheduledPurgeRunsOnlyWhenNoOtherInstanceHoldsItsLock() {
		String objectId = UUID.randomUUID().toString();
		insertAged(Category.SECURITY, objectId, Duration.ofDays(400));
		this.jdbc.sql("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values ('audit.purge', timezone('utc', now()) + interval '10 minutes', timezone('utc', now()), 'other')
				on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by""")
			.update();
		this.purge.purgeOnSchedule();
		assertThat(entries(objectId)).isOne();

		releasePurgeLock();
		this.purge.purgeOnSchedule();
		assertThat(entries(objectId)).isZero();
		assertThat(this.jdbc.sql("select lock_until > timezone('utc', now()) from shedlock where name = 'audit.purge'")
			.query(Boolean.class)
			.single()).as("held a while after the run").isTrue();
		releasePurgeLock();
	}

	private void releasePurgeLock() {
		this.jdbc
			.sql("update shedlock set lock_until = timezone('utc', now()) - interval '1 second' "
					+ "where name = 'audit.purge'")
			.update();
	}

	private void insertAged(Category category, String objectId, Duration age) {
		this.jdbc.sql("""
				insert into audit_entry (occurred_at, category, action, object_type, object_id)
				values (?, ?, 'test.aged', 'test', ?)""")
			.params(this.clock.instant().minus(age).atOffset(ZoneOffset.UTC), category.name(), objectId)
			.update();
	}

	private long entries(String objectId) {
		return this.jdbc.sql("select count(*) from audit_entry where object_id = ?")
			.param(objectId)
			.query(Long.class)
			.single();
	}

	private static AuditEvent event(Category category, String objectId) {
		return new AuditEvent(category, "test.event", null, "test", objectId, null, null, Map.of(),
				Map.of("value", List.of(1, 2)));
	}

}
