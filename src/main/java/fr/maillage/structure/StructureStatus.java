package fr.maillage.structure;

/** Whether a structure still operates. A closed structure stays in the registry. */
public enum StructureStatus {

	ACTIVE, CLOSED

}
