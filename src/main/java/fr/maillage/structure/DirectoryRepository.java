package fr.maillage.structure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public directory's reads: active structures found by words and filters, the number
 * of them per département, and every one of them for the open data. All public data, read
 * without a scope on purpose (permissions.md: anyone reads the directory); they return
 * the public record ({@link RegistryRepository#SELECT}) and approval periods, nothing
 * else.
 */
@Repository
class DirectoryRepository {

	/** By commune then name, accents aside: the sort keys V33 keeps. */
	private static final String ORDER = " order by s.sort_commune, s.sort_name, s.id";

	private final JdbcClient jdbc;

	DirectoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Unscoped("the public directory: active structures, public fields")
	List<StructureRecord> searchActive(DirectoryFilter filter, long offset, int limit) {
		Where where = Where.of(filter);
		return this.jdbc.sql(RegistryRepository.SELECT + where.sql() + ORDER + " offset :offset limit :limit")
			.params(where.params())
			.param("offset", offset)
			.param("limit", limit)
			.query(RegistryRepository::record)
			.list();
	}

	@Unscoped("the public directory: how many active structures match")
	long countActive(DirectoryFilter filter) {
		Where where = Where.of(filter);
		return this.jdbc.sql("select count(*) from structure s" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/** Active structures per département (only those that have some), by code. */
	@Unscoped("the public directory's map: counts of active structures")
	List<DepartementCount> countActiveByDepartement() {
		return this.jdbc.sql("""
				select departement_code, count(*) filter (where kind = 'CS') as centres_sociaux,
				       count(*) filter (where kind = 'EVS') as espaces_de_vie_sociale
				from structure where status = 'ACTIVE' group by departement_code order by departement_code""")
			.query(DepartementCount.class)
			.list();
	}

	/** The current (latest main) approval of each of these structures that has one. */
	@Unscoped("approval periods are part of the public record; documents and milestones are not read")
	Map<Long, CurrentApproval> findCurrentApprovals(Collection<Long> structureIds) {
		if (structureIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, CurrentApproval> approvals = new HashMap<>();
		this.jdbc.sql("""
				select structure_id, kind_code, starts_on, ends_on from structure_main_approval
				where structure_id = any(:ids)""").param("ids", structureIds.toArray(Long[]::new)).query(rs -> {
			approvals.put(rs.getLong("structure_id"), new CurrentApproval(rs.getString("kind_code"),
					rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate()));
		});
		return approvals;
	}

	/** The names of these communes, by INSEE code. */
	@Unscoped("the official geography is public reference data")
	Map<String, String> findCommuneNames(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select code, name from commune where code = any(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query((rs, row) -> Map.entry(rs.getString("code"), rs.getString("name")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Hands every active structure to {@code action}, by id, as the rows arrive: the open
	 * data export writes each one out without holding them all.
	 */
	@Unscoped("open data: every active structure's public fields")
	void readEachActive(Consumer<StructureRecord> action) {
		int[] row = { 0 };
		this.jdbc.sql(RegistryRepository.SELECT + " where s.status = 'ACTIVE' order by s.id")
			.query((RowCallbackHandler) rs -> action.accept(RegistryRepository.record(rs, row[0]++)));
	}

	/**
	 * What the open data export depends on: it changes whenever a structure is written
	 * (every write sets {@code updated_at}) or leaves the active ones.
	 */
	@Unscoped("open data: a fingerprint of the public records")
	ExportVersion readExportVersion() {
		return this.jdbc.sql("""
				select count(*) filter (where status = 'ACTIVE') as active, max(updated_at) as last_update
				from structure""").query((rs, row) -> {
			Timestamp last = rs.getTimestamp("last_update");
			return new ExportVersion(rs.getLong("active"), (last != null) ? last.toInstant() : Instant.EPOCH);
		}).single();
	}

	/** Active structures of one département, by kind. */
	record DepartementCount(String departementCode, long centresSociaux, long espacesDeVieSociale) {
	}

	record ExportVersion(long active, Instant lastUpdate) {
	}

	/** The conditions of a search, with their parameters. */
	private record Where(String sql, Map<String, Object> params) {

		static Where of(DirectoryFilter filter) {
			StringBuilder sql = new StringBuilder(" where s.status = 'ACTIVE'");
			Map<String, Object> params = new HashMap<>();
			if (filter.q() != null) {
				// Every word typed must appear, normalized as search_text is (V33).
				sql.append(" and s.search_text like all (select '%' || word || '%'")
					.append(" from unnest(string_to_array(directory_normalize(:q), ' ')) word)");
				params.put("q", filter.q());
			}
			if (filter.kind() != null) {
				sql.append(" and s.kind = :kind");
				params.put("kind", filter.kind().name());
			}
			if (filter.departement() != null) {
				sql.append(" and s.departement_code = :departement");
				params.put("departement", filter.departement());
			}
			if (filter.managementMode() != null) {
				sql.append(" and s.management_mode = :managementMode");
				params.put("managementMode", filter.managementMode().name());
			}
			return new Where(sql.toString(), params);
		}

	}

}
