package fr.maillage.observatory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The coverage tables' lines, written as files by {@link TableFiles}. Shares are percents
 * rounded to one decimal.
 */
final class CoverageFiles {

	static final List<String> DEPARTEMENT_HEADER = List.of("code_departement", "departement", "communes",
			"communes_non_desservies", "part_communes_non_desservies_pct", "population", "population_non_desservie",
			"part_population_non_desservie_pct", "centres_sociaux", "espaces_de_vie_sociale", "structures",
			"habitants_par_structure", "structures_rurales", "part_structures_rurales_pct");

	static final List<String> COMMUNE_HEADER = List.of("code_insee", "commune", "population");

	private CoverageFiles() {
	}

	/** A département's line, in the order of {@link #DEPARTEMENT_HEADER}. */
	static List<Object> row(CoverageFigures figures) {
		List<Object> row = new ArrayList<>();
		row.add(figures.code());
		row.add(figures.name());
		row.add(figures.communes());
		row.add(figures.unservedCommunes());
		row.add(share(figures.unservedCommuneShare()));
		row.add(figures.population());
		row.add(figures.unservedPopulation());
		row.add(share(figures.unservedPopulationShare()));
		row.add(figures.centresSociaux());
		row.add(figures.espacesDeVieSociale());
		row.add(figures.structures());
		row.add(figures.populationPerStructure());
		row.add(figures.ruralStructures());
		row.add(share(figures.ruralStructureShare()));
		return row;
	}

	/** A commune's line, in the order of {@link #COMMUNE_HEADER}. */
	static List<Object> row(CoverageCommune commune) {
		return List.of(commune.code(), commune.name(), commune.population());
	}

	/** A percent rounded to one decimal; {@code null} stays {@code null}. */
	private static BigDecimal share(Double percent) {
		return (percent == null) ? null : BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP);
	}

}
