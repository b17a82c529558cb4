package fr.maillage.territory;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask of the official geography. Public data: no scope applies.
 */
public interface TerritoryApi {

	List<Region> regions();

	List<Departement> departements();

	Optional<Departement> departement(String code);

	/** The communes of a département, in French alphabetical order. */
	List<Commune> communesOf(String departementCode);

	Optional<Commune> commune(String code);

}
