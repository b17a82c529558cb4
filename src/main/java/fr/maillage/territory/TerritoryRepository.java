package fr.maillage.territory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the geography. Lists are sorted in Java with a French collator, because the
 * database's collation depends on how its cluster was created.
 */
@Repository
@Unscoped("the official geography is public reference data")
class TerritoryRepository implements TerritoryApi {

	private static final Comparator<String> FRENCH = Collator.getInstance(Locale.FRENCH)::compare;

	private static final String COMMUNE_COLUMNS = """
			select code, name, departement_code, region_code, postal_codes, population, urban, population_band
			from commune""";

	private final JdbcClient jdbc;

	TerritoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Region> regions() {
		return this.jdbc.sql("select code, name from region order by code").query(Region.class).list();
	}

	@Override
	public List<Departement> departements() {
		return this.jdbc.sql("select code, name, region_code from departement order by code")
			.query(Departement.class)
			.list();
	}

	@Override
	public Optional<Departement> departement(String code) {
		return this.jdbc.sql("select code, name, region_code from departement where code = ?")
			.param(code)
			.query(Departement.class)
			.optional();
	}

	@Override
	public List<Commune> communesOf(String departementCode) {
		return this.jdbc.sql(COMMUNE_COLUMNS + " where departement_code = ?")
			.param(departementCode)
			.query(TerritoryRepository::commune)
			.list()
			.stream()
			.sorted(Comparator.comparing(Commune::name, FRENCH))
			.toList();
	}

	@Override
	public Optional<Commune> commune(String code) {
		return this.jdbc.sql(COMMUNE_COLUMNS + " where code = ?")
			.param(code)
			.query(TerritoryRepository::commune)
			.optional();
	}

	private static Commune commune(ResultSet rs, int row) throws SQLException {
		Array postalCodes = rs.getArray("postal_codes");
		return new Commune(rs.getString("code"), rs.getString("name"), rs.getString("departement_code"),
				rs.getString("region_code"), Arrays.asList((String[]) postalCodes.getArray()),
				rs.getObject("population", Integer.class), rs.getBoolean("urban"),
				PopulationBand.valueOf(rs.getString("population_band")));
	}

}
