package fr.maillage.observatory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Structures of our own for the coverage tests, in the Lozère (48), where the small demo
 * data set has none:
 * <ul>
 * <li>an active centre social in Mende (48095, 12,464 inhabitants: urban), which also
 * serves Sainte-Eulalie (48149, 37);</li>
 * <li>an active espace de vie sociale in Cubiérettes (48054, 44: rural), which also
 * serves Saint-Laurent-de-Veyrès (48167, 31);</li>
 * <li>a closed centre social in Marvejols (48092, 4,764), which served
 * Saint-Chély-d'Apcher (48140, 3,955): neither counts as served.</li>
 * </ul>
 */
final class CoverageFixtures {

	static final String LOZERE = "48";

	/** The communes the active structures serve, and their population. */
	static final List<String> SERVED = List.of("48095", "48149", "48054", "48167");

	static final long SERVED_POPULATION = 12_464 + 37 + 44 + 31;

	/** The communes only the closed structure serves. */
	static final List<String> CLOSED_ONLY = List.of("48092", "48140");

	record Lozere(long mende, long cubierettes, long marvejols) {

		Long[] all() {
			return new Long[] { this.mende, this.cubierettes, this.marvejols };
		}

	}

	private CoverageFixtures() {
	}

	static Lozere insert(JdbcClient jdbc) {
		long mende = structure(jdbc, "Centre social de la couverture", "CS", "48095", "ACTIVE");
		long cubierettes = structure(jdbc, "Espace de vie sociale de la couverture", "EVS", "48054", "ACTIVE");
		long marvejols = structure(jdbc, "Centre social fermé de la couverture", "CS", "48092", "CLOSED");
		jdbc.sql("""
				insert into structure_served_commune (structure_id, commune_code)
				values (?, '48149'), (?, '48167'), (?, '48140')""").params(mende, cubierettes, marvejols).update();
		return new Lozere(mende, cubierettes, marvejols);
	}

	static void delete(JdbcClient jdbc, Lozere lozere) {
		jdbc.sql("delete from structure where id = any(?)").param(lozere.all()).update();
	}

	private static long structure(JdbcClient jdbc, String name, String kind, String commune, String status) {
		return jdbc.sql("insert into structure (name, kind, commune_code, status) values (?, ?, ?, ?) returning id")
			.params(name, kind, commune, status)
			.query(Long.class)
			.single();
	}

}
