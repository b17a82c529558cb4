package fr.maillage.territory;

import java.util.List;

/**
 * A current commune of the official geography.
 *
 * @param code INSEE code (not a postal code)
 * @param population municipal population, {@code null} when the source gives none
 * @param urban whether the commune counts as urban (rule in
 * {@code V1__territory_schema.sql})
 * @param populationBand its size class, for comparisons between similar territories
 */
public record Commune(String code, String name, String departementCode, String regionCode, List<String> postalCodes,
		Integer population, boolean urban, PopulationBand populationBand) {
}
