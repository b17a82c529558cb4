package fr.maillage.structure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import fr.maillage.shared.security.Scope;

/** What other modules may ask of the registry. */
public interface StructureApi {

	/** The structures within {@code scope}, by name. */
	List<Structure> findAll(Scope scope);

	/** One structure if it lies within {@code scope}; empty otherwise (answer 404). */
	Optional<Structure> find(long id, Scope scope);

	/**
	 * The active structures with a main approval valid on at least one day between
	 * {@code from} and {@code to} (both included), by département then name: a campaign's
	 * target. National, unscoped: only national administrators and the campaign's opening
	 * read it.
	 */
	List<ApprovedStructure> approvedDuring(LocalDate from, LocalDate to);

}
