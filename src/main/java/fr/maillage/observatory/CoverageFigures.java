package fr.maillage.observatory;

/**
 * The coverage of one département, or of France as a whole: how many of its communes and
 * inhabitants no active structure serves, and how many active structures it has. A
 * commune is served when an active structure lies in it or declares it among the communes
 * it serves (see docs/adr/0021-territory-coverage.md).
 *
 * @param code the département's INSEE code; {@code null} for France as a whole
 * @param name the département's name; {@code null} for France as a whole
 * @param communes its communes in the official geography
 * @param unservedCommunes those that no active structure serves
 * @param population its inhabitants (the communes' populations)
 * @param unservedPopulation the inhabitants of its unserved communes
 * @param centresSociaux its active centres sociaux
 * @param espacesDeVieSociale its active espaces de vie sociale
 * @param ruralStructures its active structures in a rural territory
 */
public record CoverageFigures(String code, String name, long communes, long unservedCommunes, long population,
		long unservedPopulation, long centresSociaux, long espacesDeVieSociale, long ruralStructures) {

	/** Its active structures, of both kinds. */
	public long structures() {
		return this.centresSociaux + this.espacesDeVieSociale;
	}

	/**
	 * The share of its population living in an unserved commune, in percent; {@code null}
	 * when it has no inhabitants.
	 */
	public Double unservedPopulationShare() {
		return percent(this.unservedPopulation, this.population);
	}

	/** The share of its communes that no structure serves, in percent. */
	public Double unservedCommuneShare() {
		return percent(this.unservedCommunes, this.communes);
	}

	/**
	 * Inhabitants per active structure, rounded: the whole population over the number of
	 * structures; {@code null} when it has no structure.
	 */
	public Long populationPerStructure() {
		return (structures() == 0) ? null : Math.round((double) this.population / structures());
	}

	/**
	 * The share of its active structures in a rural territory, in percent; {@code null}
	 * when it has no structure.
	 */
	public Double ruralStructureShare() {
		return percent(this.ruralStructures, structures());
	}

	/** Whether these are France's figures rather than a département's. */
	public boolean national() {
		return this.code == null;
	}

	CoverageFigures plus(CoverageFigures other) {
		return new CoverageFigures(null, null, this.communes + other.communes,
				this.unservedCommunes + other.unservedCommunes, this.population + other.population,
				this.unservedPopulation + other.unservedPopulation, this.centresSociaux + other.centresSociaux,
				this.espacesDeVieSociale + other.espacesDeVieSociale, this.ruralStructures + other.ruralStructures);
	}

	static CoverageFigures zero() {
		return new CoverageFigures(null, null, 0, 0, 0, 0, 0, 0, 0);
	}

	private static Double percent(long part, long whole) {
		return (whole == 0) ? null : 100.0 * part / whole;
	}

}
