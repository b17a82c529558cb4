package fr.maillage.account;

import java.util.Optional;

/**
 * Where a structure lies, as the account module needs to know to check scopes.
 * Implemented by the structure module, which depends on this one (not the other way
 * round).
 */
public interface StructureDirectory {

	Optional<Location> locate(long structureId);

	/** The structures within a scope, by name: the choices offered to a manager. */
	java.util.List<Location> within(fr.maillage.shared.security.Scope scope);

	record Location(long id, String name, String departementCode, String regionCode) {
	}

}
