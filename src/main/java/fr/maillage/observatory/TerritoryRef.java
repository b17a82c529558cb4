package fr.maillage.observatory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.maillage.territory.PopulationBand;

/**
 * A territory figures are computed for: the nation, a region, a département, or a group
 * of "similar territories" (the structures whose commune has the same urban / rural class
 * and population band in the official geography). Written {@code nation},
 * {@code region:76}, {@code departement:66}, {@code similaires:FROM_10K_TO_50K} in URLs
 * and the API.
 */
public record TerritoryRef(Level level, String code) {

	private static final Pattern GEO_CODE = Pattern.compile("[0-9][0-9AB][0-9]?");

	public static final TerritoryRef NATION = new TerritoryRef(Level.NATION, null);

	public enum Level {

		NATION("nation"), REGION("region"), DEPARTEMENT("departement"), SIMILAR("similaires");

		private final String prefix;

		Level(String prefix) {
			this.prefix = prefix;
		}

		public String prefix() {
			return this.prefix;
		}

	}

	public static TerritoryRef region(String code) {
		return new TerritoryRef(Level.REGION, code);
	}

	public static TerritoryRef departement(String code) {
		return new TerritoryRef(Level.DEPARTEMENT, code);
	}

	public static TerritoryRef similar(PopulationBand band) {
		return new TerritoryRef(Level.SIMILAR, band.name());
	}

	/**
	 * Reads an id as written in URLs; empty when it is not one (the code's existence is
	 * the caller's check).
	 */
	public static Optional<TerritoryRef> parse(String id) {
		if (id == null) {
			return Optional.empty();
		}
		if (id.equals("nation")) {
			return Optional.of(NATION);
		}
		int colon = id.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		String prefix = id.substring(0, colon);
		String code = id.substring(colon + 1).toUpperCase(Locale.ROOT);
		for (Level level : Level.values()) {
			if (level != Level.NATION && level.prefix.equals(prefix)) {
				if (level == Level.SIMILAR) {
					for (PopulationBand band : PopulationBand.values()) {
						if (band.name().equals(code)) {
							return Optional.of(new TerritoryRef(level, code));
						}
					}
					return Optional.empty();
				}
				return GEO_CODE.matcher(code).matches() ? Optional.of(new TerritoryRef(level, code)) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	public String id() {
		return (this.level == Level.NATION) ? "nation" : this.level.prefix + ":" + this.code;
	}

	public PopulationBand band() {
		return (this.level == Level.SIMILAR) ? PopulationBand.valueOf(this.code) : null;
	}

	@Override
	public String toString() {
		return id();
	}

}
