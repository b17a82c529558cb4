package fr.maillage.shared.security;

/**
 * Where the signed-in person may exercise a permission. Implemented by the account
 * module; any module asks it for the {@link Scope} its queries filter on, without
 * depending on how people and roles are stored.
 */
public interface AccessScopes {

	/**
	 * {@link Scope#NONE} for an anonymous visitor or a person without that permission.
	 */
	Scope scopeFor(Permission permission);

}
