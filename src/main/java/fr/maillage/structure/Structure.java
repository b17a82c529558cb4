package fr.maillage.structure;

/** A structure of the registry, located by its commune. */
public record Structure(long id, String name, StructureKind kind, String communeCode, String departementCode,
		String regionCode) {
}
