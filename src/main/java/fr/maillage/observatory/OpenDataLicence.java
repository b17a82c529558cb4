package fr.maillage.observatory;

/**
 * The licence of everything the observatory publishes: Etalab's Licence Ouverte 2.0 (free
 * reuse, with attribution).
 */
public final class OpenDataLicence {

	public static final String NAME = "Licence Ouverte 2.0";

	public static final String URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

	/**
	 * The {@code Link} header value naming the licence (RFC 8288, relation "license").
	 */
	public static final String LINK = "<" + URL + ">; rel=\"license\"";

	private OpenDataLicence() {
	}

}
