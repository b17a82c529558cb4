package fr.maillage.observatory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the coverage of the territory from the registry's public facts: the active
 * structures, where they lie and the communes they serve, and the official geography. The
 * counting is done by the database, in one query for every département (a national
 * registry is about 4,100 structures and 35,000 communes).
 * <p>
 * A commune is served when an active structure lies in it or serves it; a structure is
 * rural when a Caf advisor said so, or else when its commune is not urban: the rule of
 * {@code structure.TerritoryType}, as {@code structure.RegistryRepository} writes it in
 * SQL.
 */
@Repository
@Unscoped("public registry facts: active structures, the communes they serve, the official geography")
class CoverageRepository {

	/** The active structures, and the communes they serve (their own included). */
	private static final String SERVED = """
			with active as (
			    select s.id, s.kind, s.departement_code,
			           coalesce(s.territory_type_override, case when c.urban then 'URBAN' else 'RURAL' end) = 'RURAL'
			               as rural,
			           s.commune_code
			    from structure s
			    join commune c on c.code = s.commune_code
			    where s.status = 'ACTIVE'
			),
			served as (
			    select commune_code from active
			    union
			    select sc.commune_code
			    from structure_served_commune sc
			    join active a on a.id = sc.structure_id
			)
			""";

	private final JdbcClient jdbc;

	CoverageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures of every département, by code. */
	List<CoverageFigures> departements() {
		return this.jdbc.sql(figures("")).query(CoverageRepository::read).list();
	}

	/** The figures of one département, if it exists. */
	Optional<CoverageFigures> departement(String code) {
		return this.jdbc.sql(figures("where d.code = :code"))
			.param("code", code)
			.query(CoverageRepository::read)
			.optional();
	}

	/**
	 * The communes of a département that no active structure serves, the most populated
	 * first (then by code); at most {@code limit} of them.
	 */
	List<CoverageCommune> unservedCommunes(String departement, int limit) {
		// The same rule as SERVED, without the rural class nor the whole country's set.
		return this.jdbc.sql("""
				select c.code, c.name, coalesce(c.population, 0) as population
				from commune c
				where c.departement_code = :departement
				  and not exists (select 1 from structure s where s.commune_code = c.code and s.status = 'ACTIVE')
				  and not exists (select 1
				                  from structure_served_commune sc
				                  join structure s on s.id = sc.structure_id and s.status = 'ACTIVE'
				                  where sc.commune_code = c.code)
				order by coalesce(c.population, 0) desc, c.code
				limit :limit""")
			.param("departement", departement)
			.param("limit", limit)
			.query((rs, n) -> new CoverageCommune(rs.getString("code").trim(), rs.getString("name"),
					rs.getLong("population")))
			.list();
	}

	private static String figures(String where) {
		return SERVED + """
				, communes as (
				    select c.departement_code,
				           count(*) as communes,
				           count(*) filter (where sv.commune_code is null) as unserved_communes,
				           coalesce(sum(c.population), 0) as population,
				           coalesce(sum(c.population) filter (where sv.commune_code is null), 0) as unserved_population
				    from commune c
				    left join served sv on sv.commune_code = c.code
				    group by c.departement_code
				),
				structures as (
				    select departement_code,
				           count(*) filter (where kind = 'CS') as centres_sociaux,
				           count(*) filter (where kind = 'EVS') as espaces_de_vie_sociale,
				           count(*) filter (where rural) as rural
				    from active
				    group by departement_code
				)
				select d.code, d.name,
				       coalesce(cm.communes, 0) as communes,
				       coalesce(cm.unserved_communes, 0) as unserved_communes,
				       coalesce(cm.population, 0) as population,
				       coalesce(cm.unserved_population, 0) as unserved_population,
				       coalesce(st.centres_sociaux, 0) as centres_sociaux,
				       coalesce(st.espaces_de_vie_sociale, 0) as espaces_de_vie_sociale,
				       coalesce(st.rural, 0) as rural
				from departement d
				left join communes cm on cm.departement_code = d.code
				left join structures st on st.departement_code = d.code
				""" + where + " order by d.code";
	}

	private static CoverageFigures read(ResultSet rs, int n) throws SQLException {
		return new CoverageFigures(rs.getString("code"), rs.getString("name"), rs.getLong("communes"),
				rs.getLong("unserved_communes"), rs.getLong("population"), rs.getLong("unserved_population"),
				rs.getLong("centres_sociaux"), rs.getLong("espaces_de_vie_sociale"), rs.getLong("rural"));
	}

}
