package fr.maillage.structure;

import java.util.List;
import java.util.Optional;

import fr.maillage.shared.security.Scope;

/** What other modules may ask of the registry. */
public interface StructureApi {

	/** The structures within {@code scope}, by name. */
	List<Structure> findAll(Scope scope);

	/** One structure if it lies within {@code scope}; empty otherwise (answer 404). */
	Optional<Structure> find(long id, Scope scope);

}
