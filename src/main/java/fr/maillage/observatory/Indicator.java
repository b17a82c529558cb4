package fr.maillage.observatory;

import java.util.Set;

/**
 * One indicator of the catalogue ({@code observatory/indicators.yaml}).
 *
 * @param kinds the kinds of structure it covers ({@code CS}, {@code EVS})
 * @param core false for an indicator of a thematic block of the questionnaire
 */
public record Indicator(String code, String label, String definition, Unit unit, Formula formula, Set<String> kinds,
		boolean core) {

	public Indicator {
		kinds = Set.copyOf(kinds);
	}

	/** Whether the figure comes from public registry fields only (never secret). */
	public boolean fromRegistry() {
		return this.formula.registry();
	}

	public boolean covers(String kind) {
		return this.kinds.contains(kind);
	}

	/** What a figure counts or measures, and how it is shown. */
	public enum Unit {

		STRUCTURES("structures", 0), NOMBRE("nombre", 0), EUROS("euros", 0), POURCENT("pourcent", 1), ETP("etp", 1),
		JOURS("jours", 0), HEURES("heures", 1);

		private final String code;

		private final int decimals;

		Unit(String code, int decimals) {
			this.code = code;
			this.decimals = decimals;
		}

		public String code() {
			return this.code;
		}

		/** Decimals a figure in this unit is rounded to. */
		public int decimals() {
			return this.decimals;
		}

		static Unit of(String code) {
			for (Unit unit : values()) {
				if (unit.code.equals(code)) {
					return unit;
				}
			}
			return null;
		}

	}

}
