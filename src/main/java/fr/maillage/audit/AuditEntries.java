package fr.maillage.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.shared.security.Scope;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the trail for the journal page, always within the reader's scope. The actor's
 * name comes from the user table at read time, never from the trail itself.
 */
@Repository
class AuditEntries {

	static final int PAGE_SIZE = 50;

	private static final String SELECT = """
			select e.id, e.occurred_at, e.category, e.action, e.actor_user_id, u.display_name as actor_name,
			       e.object_type, e.object_id, e.departement_code, e.structure_id, e.before, e.after
			from audit_entry e left join app_user u on u.id = e.actor_user_id""";

	private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	AuditEntries(JdbcClient jdbc, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	/** Page {@code number} (from 1) of the entries in {@code scope} that match. */
	@Transactional(readOnly = true)
	AuditPage find(Scope scope, JournalFilter filter, int number) {
		Scope.SqlCondition inScope = scope.where("audit", "e.region_code", "e.departement_code", "e.structure_id");
		List<String> conditions = new ArrayList<>(List.of(inScope.sql()));
		Map<String, Object> params = new HashMap<>(inScope.params());
		if (filter.category() != null) {
			conditions.add("e.category = :category");
			params.put("category", filter.category().name());
		}
		if (filter.action() != null) {
			conditions.add("e.action = :action");
			params.put("action", filter.action());
		}
		if (filter.objectType() != null) {
			conditions.add("e.object_type = :objectType");
			params.put("objectType", filter.objectType());
		}
		if (filter.from() != null) {
			conditions.add("e.occurred_at >= :from");
			params.put("from", startOf(filter.from()));
		}
		if (filter.to() != null) {
			conditions.add("e.occurred_at < :to");
			params.put("to", startOf(filter.to().plusDays(1)));
		}
		if (filter.actor() != null) {
			conditions.add("e.actor_user_id = :actor");
			params.put("actor", filter.actor());
		}
		String where = " where " + String.join(" and ", conditions);
		long total = this.jdbc.sql("select count(*) from audit_entry e" + where)
			.params(params)
			.query(Long.class)
			.single();
		int page = Math.max(1, number);
		List<AuditEntry> entries = this.jdbc
			.sql(SELECT + where + " order by e.occurred_at desc, e.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", PAGE_SIZE)
			.param("offset", (long) (page - 1) * PAGE_SIZE)
			.query(this::entry)
			.list();
		return new AuditPage(entries, total, page, PAGE_SIZE);
	}

	private OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(this.clock.getZone()).toOffsetDateTime();
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"),
				rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(this.clock.getZone()),
				Category.valueOf(rs.getString("category")), rs.getString("action"),
				rs.getObject("actor_user_id", Long.class), rs.getString("actor_name"), rs.getString("object_type"),
				rs.getString("object_id"), rs.getString("departement_code"), rs.getObject("structure_id", Long.class),
				fields(rs.getString("before")), fields(rs.getString("after")));
	}

	private Map<String, Object> fields(String json) {
		return this.json.readValue(json, FIELDS);
	}

}
