package fr.maillage.structure;

import java.time.LocalDate;

/**
 * A structure whose main approval (agrément "animation globale" or EVS) was valid on at
 * least one day of a period, with the approval's dates (the latest one overlapping the
 * period) and its registry contact address (null when none is recorded).
 */
public record ApprovedStructure(long id, String name, StructureKind kind, String departementCode, String communeCode,
		String communeName, String regionCode, LocalDate approvalStartsOn, LocalDate approvalEndsOn, String email) {
}
