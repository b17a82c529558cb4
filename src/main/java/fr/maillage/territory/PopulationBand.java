package fr.maillage.territory;

/**
 * Size classes of communes by municipal population. The boundaries are computed by the
 * database (see {@code V1__territory_schema.sql}); this type only names them.
 */
public enum PopulationBand {

	/** Fewer than 2,000 inhabitants. */
	UNDER_2K,
	/** 2,000 to 9,999 inhabitants. */
	FROM_2K_TO_10K,
	/** 10,000 to 49,999 inhabitants. */
	FROM_10K_TO_50K,
	/** 50,000 to 199,999 inhabitants. */
	FROM_50K_TO_200K,
	/** 200,000 inhabitants or more. */
	OVER_200K

}
