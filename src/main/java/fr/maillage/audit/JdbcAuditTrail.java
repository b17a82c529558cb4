package fr.maillage.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.territory.Departement;
import fr.maillage.territory.TerritoryApi;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes entries in the caller's transaction: a change and its trace commit or roll back
 * together, and a caller without a transaction is a bug that fails at once.
 */
@Repository
class JdbcAuditTrail implements AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TerritoryApi territories;

	private final JsonMapper json;

	private final JdbcTemplate jdbcTemplate;

	JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock, TerritoryApi territories, JsonMapper json) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
		this.territories = territories;
		this.json = json;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditEvent event) {
		this.jdbc.sql("""
				insert into audit_entry (occurred_at, category, action, actor_user_id, object_type, object_id,
				                         region_code, departement_code, structure_id, before, after)
				values (:occurredAt, :category, :action, :actor, :objectType, :objectId,
				        :region, :departement, :structure, cast(:before as jsonb), cast(:after as jsonb))""")
			.param("occurredAt", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("category", event.category().name())
			.param("action", event.action())
			.param("actor", event.actorUserId())
			.param("objectType", event.objectType())
			.param("objectId", event.objectId())
			.param("region", regionOf(event.departementCode()))
			.param("departement", event.departementCode())
			.param("structure", event.structureId())
			.param("before", toJson(event.before()))
			.param("after", toJson(event.after()))
			.update();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<AuditEvent> events) {
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		// A batch (an import) names each département many times: look each one up once.
		Map<String, String> regions = new HashMap<>();
		List<Object[]> rows = events.stream()
			.map(event -> new Object[] { now, event.category().name(), event.action(), event.actorUserId(),
					event.objectType(), event.objectId(),
					regions.computeIfAbsent(event.departementCode(), this::regionOf), event.departementCode(),
					event.structureId(), toJson(event.before()), toJson(event.after()) })
			.toList();
		this.jdbcTemplate.batchUpdate("""
				insert into audit_entry (occurred_at, category, action, actor_user_id, object_type, object_id,
				                         region_code, departement_code, structure_id, before, after)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""", rows);
	}

	/**
	 * Stored with the entry, so that a region's readers find it with one indexed column
	 * even if the département ever moved to another region.
	 */
	private String regionOf(String departementCode) {
		if (departementCode == null) {
			return null;
		}
		return this.territories.departement(departementCode)
			.map(Departement::regionCode)
			.orElseThrow(() -> new IllegalArgumentException("No département has the code " + departementCode));
	}

	private String toJson(Map<String, Object> fields) {
		return this.json.writeValueAsString(fields);
	}

}
