package fr.maillage.structure;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.Scope.SqlCondition;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes identity records. Scoped reads take a {@link Scope}; the public
 * directory and open data read through the {@code public…} methods, which return active
 * structures' public fields only.
 */
@Repository
class RegistryRepository {

	static final String SELECT = """
			select s.id, s.name, s.kind, s.address, s.postal_code, s.commune_code, c.name as commune_name,
			       s.departement_code, s.region_code, s.latitude, s.longitude, s.email, s.phone, s.website, s.siret,
			       s.first_approval_on, s.area_population, s.history, s.project_axes, s.management_mode,
			       coalesce(s.territory_type_override, case when c.urban then 'URBAN' else 'RURAL' end) as territory_type,
			       s.territory_type_override is not null as territory_type_corrected, s.near_qpv, s.federation_member,
			       s.travellers_public, s.multi_site, s.itinerant, s.status, s.updated_at,
			       array(select sc.commune_code::text from structure_served_commune sc where sc.structure_id = s.id
			             order by sc.commune_code) as served_communes
			from structure s join commune c on c.code = s.commune_code""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	RegistryRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	Optional<StructureRecord> find(long id, Scope scope) {
		SqlCondition inScope = scope.where("scope", "s.region_code", "s.departement_code", "s.id");
		return this.jdbc.sql(SELECT + " where s.id = :id and " + inScope.sql())
			.param("id", id)
			.params(inScope.params())
			.query(RegistryRepository::record)
			.optional();
	}

	/** The records within {@code scope}, by département then name (for exports). */
	List<StructureRecord> findAll(Scope scope) {
		SqlCondition inScope = scope.where("scope", "s.region_code", "s.departement_code", "s.id");
		return this.jdbc.sql(SELECT + " where " + inScope.sql() + " order by s.departement_code, s.name, s.id")
			.params(inScope.params())
			.query(RegistryRepository::record)
			.list();
	}

	/** One line of the registry list. */
	record ListRow(long id, String name, StructureKind kind, String communeName, String departementCode,
			StructureStatus status, String approvalKind, java.time.LocalDate approvalEnd) {
	}

	/** A page of the registry list and how many lines match in all. */
	record ListPage(List<ListRow> rows, long total) {
	}

	/**
	 * The structures within {@code scope} matching the filters (each may be null): a
	 * piece of name, commune name or postal code; a département; a kind; a status.
	 */
	ListPage search(Scope scope, String text, String departement, StructureKind kind, StructureStatus status,
			int offset, int limit) {
		SqlCondition inScope = scope.where("scope", "s.region_code", "s.departement_code", "s.id");
		StringBuilder where = new StringBuilder(inScope.sql());
		Map<String, Object> params = new HashMap<>(inScope.params());
		if (text != null && !text.isBlank()) {
			// Every word typed must appear, accents and case aside, as in the directory
			// (V33).
			where.append(" and s.search_text like all (select '%' || word || '%'")
				.append(" from unnest(string_to_array(directory_normalize(:text), ' ')) word)");
			params.put("text", text.strip());
		}
		if (departement != null && !departement.isBlank()) {
			where.append(" and s.departement_code = :departement");
			params.put("departement", departement);
		}
		if (kind != null) {
			where.append(" and s.kind = :kind");
			params.put("kind", kind.name());
		}
		if (status != null) {
			where.append(" and s.status = :status");
			params.put("status", status.name());
		}
		String from = " from structure s join commune c on c.code = s.commune_code"
				+ " left join structure_main_approval ma on ma.structure_id = s.id where ";
		long total = this.jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<ListRow> rows = this.jdbc
			.sql("select s.id, s.name, s.kind, c.name as commune_name, s.departement_code, s.status,"
					+ " ma.kind_code as approval_kind, ma.ends_on as approval_end" + from + where
					+ " order by s.departement_code, lower(s.name), s.id limit :limit offset :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(ListRow.class)
			.list();
		return new ListPage(rows, total);
	}

	@Unscoped("the public directory and open data: public fields of any structure")
	Optional<StructureRecord> findPublic(long id) {
		return this.jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(RegistryRepository::record).optional();
	}

	@Unscoped("open data: every active structure's public fields")
	List<StructureRecord> findAllActivePublic() {
		return this.jdbc.sql(SELECT + " where s.status = 'ACTIVE' order by s.id")
			.query(RegistryRepository::record)
			.list();
	}

	/** Rows per insert statement: 26 parameters each, PostgreSQL takes 65,535 at most. */
	private static final int INSERT_CHUNK = 1000;

	/**
	 * Inserts new structures; returns their ids, in order. The ids are drawn from the
	 * identity's sequence first, so that thousands of rows (an import) go in a few
	 * multi-row statements.
	 */
	List<Long> insert(List<StructureFields> structures, Instant now) {
		if (structures.isEmpty()) {
			return List.of();
		}
		List<Long> ids = this.jdbc
			.sql("select nextval(pg_get_serial_sequence('structure', 'id')) from generate_series(1, ?) order by 1")
			.param(structures.size())
			.query(Long.class)
			.list();
		for (int from = 0; from < structures.size(); from += INSERT_CHUNK) {
			int to = Math.min(from + INSERT_CHUNK, structures.size());
			List<Object> params = new ArrayList<>();
			for (int i = from; i < to; i++) {
				params.addAll(columns(structures.get(i)));
				params.add(Timestamp.from(now));
				params.add(Timestamp.from(now));
				params.add(ids.get(i));
			}
			String row = "(" + String.join(", ", java.util.Collections.nCopies(26, "?")) + ")";
			this.jdbcTemplate.update("""
					insert into structure (name, kind, address, postal_code, commune_code, latitude, longitude, email,
					                       phone, website, siret, first_approval_on, area_population, history,
					                       project_axes, management_mode, territory_type_override, near_qpv,
					                       federation_member, travellers_public, multi_site, itinerant, status,
					                       created_at, updated_at, id)
					overriding system value
					values """ + String.join(", ", java.util.Collections.nCopies(to - from, row)), params.toArray());
		}
		replaceServedCommunes(ids, structures);
		return ids;
	}

	/** Writes new values over existing structures ({@code ids} and values in step). */
	void update(List<Long> ids, List<StructureFields> structures, Instant now) {
		List<Object[]> rows = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			List<Object> row = new ArrayList<>(columns(structures.get(i)));
			row.add(Timestamp.from(now));
			row.add(ids.get(i));
			rows.add(row.toArray());
		}
		this.jdbcTemplate.batchUpdate("""
				update structure set name = ?, kind = ?, address = ?, postal_code = ?, commune_code = ?, latitude = ?,
				       longitude = ?, email = ?, phone = ?, website = ?, siret = ?, first_approval_on = ?,
				       area_population = ?, history = ?, project_axes = ?, management_mode = ?,
				       territory_type_override = ?, near_qpv = ?, federation_member = ?, travellers_public = ?,
				       multi_site = ?, itinerant = ?, status = ?, updated_at = ?
				where id = ?""", rows);
		replaceServedCommunes(ids, structures);
	}

	private void replaceServedCommunes(List<Long> ids, List<StructureFields> structures) {
		this.jdbc.sql("delete from structure_served_commune where structure_id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.update();
		List<Long> structureIds = new ArrayList<>();
		List<String> communes = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			for (String commune : structures.get(i).servedCommunes()) {
				structureIds.add(ids.get(i));
				communes.add(commune);
			}
		}
		if (!communes.isEmpty()) {
			this.jdbc.sql("""
					insert into structure_served_commune (structure_id, commune_code)
					select * from unnest(:structures, :communes)""")
				.param("structures", structureIds.toArray(Long[]::new))
				.param("communes", communes.toArray(String[]::new))
				.update();
		}
	}

	/** The written columns, in the order of the insert and update statements. */
	private static List<Object> columns(StructureFields f) {
		return Arrays.asList(f.name(), f.kind().name(), f.address(), f.postalCode(), f.communeCode(), f.latitude(),
				f.longitude(), f.email(), f.phone(), f.website(), f.siret(),
				(f.firstApprovalOn() != null) ? Date.valueOf(f.firstApprovalOn()) : null, f.areaPopulation(),
				f.history(), f.projectAxes().toArray(String[]::new), name(f.managementMode()),
				name(f.territoryTypeOverride()), f.nearQpv(), f.federationMember(), f.travellersPublic(), f.multiSite(),
				f.itinerant(), f.status().name());
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	static StructureRecord record(ResultSet rs, int row) throws SQLException {
		Date firstApproval = rs.getDate("first_approval_on");
		String mode = rs.getString("management_mode");
		return new StructureRecord(rs.getLong("id"), rs.getString("name"), StructureKind.valueOf(rs.getString("kind")),
				rs.getString("address"), rs.getString("postal_code"), rs.getString("commune_code"),
				rs.getString("commune_name"), rs.getString("departement_code"), rs.getString("region_code"),
				rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("email"),
				rs.getString("phone"), rs.getString("website"), rs.getString("siret"),
				(firstApproval != null) ? firstApproval.toLocalDate() : null, (Integer) rs.getObject("area_population"),
				rs.getString("history"), strings(rs.getArray("project_axes")),
				(mode != null) ? ManagementMode.valueOf(mode) : null,
				TerritoryType.valueOf(rs.getString("territory_type")), rs.getBoolean("territory_type_corrected"),
				rs.getBoolean("near_qpv"), rs.getBoolean("federation_member"), rs.getBoolean("travellers_public"),
				rs.getBoolean("multi_site"), rs.getBoolean("itinerant"),
				StructureStatus.valueOf(rs.getString("status")), strings(rs.getArray("served_communes")),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
