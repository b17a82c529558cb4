package fr.maillage.observatory;

import java.util.Arrays;
import java.util.function.Function;

/**
 * What the coverage map shows, chosen on the page with {@code ?mesure=}. Shares are drawn
 * in tenths of a percent, as the map takes whole numbers.
 */
public enum CoverageMeasure {

	/** The share of the population living in an unserved commune. */
	UNSERVED_POPULATION("population-non-desservie", true, CoverageFigures::unservedPopulationShare),

	/** Inhabitants per active structure. */
	POPULATION_PER_STRUCTURE("habitants-par-structure", false,
			figures -> (figures.populationPerStructure() == null) ? null
					: figures.populationPerStructure().doubleValue()),

	/** The share of active structures in a rural territory. */
	RURAL_STRUCTURES("structures-rurales", true, CoverageFigures::ruralStructureShare);

	private final String slug;

	private final boolean share;

	private final Function<CoverageFigures, Double> value;

	CoverageMeasure(String slug, boolean share, Function<CoverageFigures, Double> value) {
		this.slug = slug;
		this.share = share;
		this.value = value;
	}

	/** Its value in the page's address. */
	public String slug() {
		return this.slug;
	}

	/** Whether it is a share (in percent) rather than a number of inhabitants. */
	public boolean share() {
		return this.share;
	}

	/** The measure named {@code slug}; the first one for none or an unknown one. */
	static CoverageMeasure of(String slug) {
		return Arrays.stream(values()).filter(m -> m.slug.equals(slug)).findFirst().orElse(UNSERVED_POPULATION);
	}

	/**
	 * The value the map draws: tenths of a percent for a share, inhabitants otherwise;
	 * {@code null} when there is none.
	 */
	Long mapValue(CoverageFigures figures) {
		Double v = this.value.apply(figures);
		if (v == null) {
			return null;
		}
		return Math.round(this.share ? v * 10 : v);
	}

}
