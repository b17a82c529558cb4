package fr.maillage.structure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.account.StructureDirectory;
import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.Scope.SqlCondition;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads structures. Scoped reads filter with {@link Scope#where}; {@link #locate} is the
 * explicit unscoped path the account module uses to place a structure on the map of
 * scopes.
 */
@Repository
class StructureRepository implements StructureApi, StructureDirectory {

	private static final Comparator<String> FRENCH = Collator.getInstance(Locale.FRENCH)::compare;

	private static final String COLUMNS = "select id, name, kind, commune_code, departement_code, region_code from structure";

	private final JdbcClient jdbc;

	StructureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Structure> findAll(Scope scope) {
		SqlCondition inScope = scope.where("scope", "region_code", "departement_code", "id");
		return this.jdbc.sql(COLUMNS + " where " + inScope.sql())
			.params(inScope.params())
			.query(StructureRepository::structure)
			.list()
			.stream()
			.sorted(Comparator.comparing(Structure::name, FRENCH))
			.toList();
	}

	@Override
	public Optional<Structure> find(long id, Scope scope) {
		SqlCondition inScope = scope.where("scope", "region_code", "departement_code", "id");
		return this.jdbc.sql(COLUMNS + " where id = :id and " + inScope.sql())
			.param("id", id)
			.params(inScope.params())
			.query(StructureRepository::structure)
			.optional();
	}

	/**
	 * Column by column: JdbcClient's mapping to a record tries each camelCase component
	 * as a column name first and throws an exception for it, on every row; {@link #find}
	 * runs on every autosave.
	 */
	private static Structure structure(ResultSet rs, int row) throws SQLException {
		return new Structure(rs.getLong("id"), rs.getString("name"), StructureKind.valueOf(rs.getString("kind")),
				rs.getString("commune_code"), rs.getString("departement_code"), rs.getString("region_code"));
	}

	@Override
	@Unscoped("a campaign's target is national: read by national administrators and the campaign's opening")
	public List<ApprovedStructure> approvedDuring(java.time.LocalDate from, java.time.LocalDate to) {
		return this.jdbc.sql("""
				select distinct on (s.departement_code, s.name, s.id) s.id, s.name, s.kind, s.departement_code,
				       s.commune_code, c.name as commune_name, s.region_code, a.starts_on, a.ends_on, s.email
				from structure s join commune c on c.code = s.commune_code
				join approval a on a.structure_id = s.id join approval_kind k on k.code = a.kind_code and k.main
				where s.status = 'ACTIVE' and a.starts_on <= :to and a.ends_on >= :from
				order by s.departement_code, s.name, s.id, a.ends_on desc, a.id desc""")
			.param("from", java.sql.Date.valueOf(from))
			.param("to", java.sql.Date.valueOf(to))
			.query((rs, row) -> new ApprovedStructure(rs.getLong("id"), rs.getString("name"),
					StructureKind.valueOf(rs.getString("kind")), rs.getString("departement_code"),
					rs.getString("commune_code"), rs.getString("commune_name"), rs.getString("region_code"),
					rs.getObject("starts_on", java.time.LocalDate.class),
					rs.getObject("ends_on", java.time.LocalDate.class), rs.getString("email")))
			.list();
	}

	@Override
	public List<StructureDirectory.Location> within(Scope scope) {
		return findAll(scope).stream()
			.map(s -> new StructureDirectory.Location(s.id(), s.name(), s.departementCode(), s.regionCode()))
			.toList();
	}

	@Override
	@Unscoped("locates a structure for the account module's scope checks, which apply the scope themselves")
	public Optional<StructureDirectory.Location> locate(long structureId) {
		return this.jdbc.sql("select id, name, departement_code, region_code from structure where id = ?")
			.param(structureId)
			.query(StructureDirectory.Location.class)
			.optional();
	}

	@Override
	@Unscoped("checks a claim link for the account module; the link's token is the authorisation")
	public boolean acceptsClaim(long structureId, String email) {
		return this.jdbc.sql(
				"select exists (select 1 from structure where id = ? and status = 'ACTIVE' and lower(email) = lower(?))")
			.params(structureId, email)
			.query(Boolean.class)
			.single();
	}

}
