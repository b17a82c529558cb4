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

	/**
	 * Whether a claim link sent to {@code email} may still make its holder the
	 * structure's manager: the structure is active and that address is still its contact
	 * address.
	 */
	boolean acceptsClaim(long structureId, String email);

	record Location(long id, String name, String departementCode, String regionCode) {
	}

}
