package fr.maillage.shared.security;

/** What a role is held on. */
public enum ScopeKind {

	NATION, REGION, DEPARTEMENT, STRUCTURE

}
