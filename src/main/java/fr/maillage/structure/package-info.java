/**
 * The registry of centres sociaux (CS) and espaces de vie sociale (EVS). For now the core
 * that scopes need: a structure's name, kind and commune; the registry work completes it.
 * Other modules use {@link fr.maillage.structure.StructureApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Structure")
package fr.maillage.structure;
