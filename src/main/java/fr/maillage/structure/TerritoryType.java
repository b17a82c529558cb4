package fr.maillage.structure;

/**
 * Whether a structure works in an urban or a rural territory: by default its commune's
 * class in the official geography, which a Caf advisor may correct (a rural centre in a
 * small town's outskirts, for example).
 */
public enum TerritoryType {

	URBAN, RURAL;

	static TerritoryType of(boolean urban) {
		return urban ? URBAN : RURAL;
	}

}
