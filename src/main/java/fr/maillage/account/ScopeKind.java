package fr.maillage.account;

/** What a role is held on. */
public enum ScopeKind {

	NATION, REGION, DEPARTEMENT, STRUCTURE

}
