package fr.maillage.structure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A structure's identity record, as the registry publishes it.
 *
 * @param territoryType its effective territory type: the Caf advisor's correction, else
 * its commune's class
 * @param territoryTypeCorrected whether a Caf advisor corrected it
 * @param servedCommunes the INSEE codes of the communes it serves besides its own
 * @param updatedAt when the record last changed (data·inclusion's {@code date_maj})
 */
public record StructureRecord(long id, String name, StructureKind kind, String address, String postalCode,
		String communeCode, String communeName, String departementCode, String regionCode, BigDecimal latitude,
		BigDecimal longitude, String email, String phone, String website, String siret, LocalDate firstApprovalOn,
		Integer areaPopulation, String history, List<String> projectAxes, ManagementMode managementMode,
		TerritoryType territoryType, boolean territoryTypeCorrected, boolean nearQpv, boolean federationMember,
		boolean travellersPublic, boolean multiSite, boolean itinerant, StructureStatus status,
		List<String> servedCommunes, Instant updatedAt) {

	public StructureRecord {
		projectAxes = List.copyOf(projectAxes);
		servedCommunes = List.copyOf(servedCommunes);
	}

	public boolean active() {
		return this.status == StructureStatus.ACTIVE;
	}

}
