package fr.maillage.structure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A structure as the public API shows it: its identity record as Senacs publishes it and
 * its current approval period. Never its approval documents, renewal milestones, the
 * people who work there, nor whether a Caf advisor corrected its territory type.
 *
 * @param servedCommunes the communes it serves besides its own
 * @param currentApproval its latest main approval, {@code null} if none is recorded
 * @param updatedAt when its record last changed
 */
record PublicStructure(long id, String name, StructureKind kind, StructureStatus status, String address,
		String postalCode, String communeCode, String communeName, String departementCode, String regionCode,
		BigDecimal latitude, BigDecimal longitude, String email, String phone, String website, String siret,
		LocalDate firstApprovalOn, Integer areaPopulation, String history, List<String> projectAxes,
		ManagementMode managementMode, TerritoryType territoryType, boolean nearQpv, boolean federationMember,
		boolean travellersPublic, boolean multiSite, boolean itinerant, List<ServedCommune> servedCommunes,
		Approval currentApproval, Instant updatedAt) {

	static PublicStructure of(StructureRecord record, CurrentApproval approval, Map<String, String> communeNames) {
		List<ServedCommune> served = record.servedCommunes()
			.stream()
			.map(code -> new ServedCommune(code, communeNames.get(code)))
			.toList();
		return new PublicStructure(record.id(), record.name(), record.kind(), record.status(), record.address(),
				record.postalCode(), record.communeCode(), record.communeName(), record.departementCode(),
				record.regionCode(), record.latitude(), record.longitude(), record.email(), record.phone(),
				record.website(), record.siret(), record.firstApprovalOn(), record.areaPopulation(), record.history(),
				record.projectAxes(), record.managementMode(), record.territoryType(), record.nearQpv(),
				record.federationMember(), record.travellersPublic(), record.multiSite(), record.itinerant(), served,
				(approval != null) ? new Approval(approval.kindCode(), approval.startsOn(), approval.endsOn()) : null,
				record.updatedAt());
	}

	/** A commune by its INSEE code and name. */
	record ServedCommune(String code, String name) {
	}

	/** An approval period: its kind ({@code AG}, {@code EVS}…), first and last days. */
	record Approval(String kind, LocalDate startsOn, LocalDate endsOn) {
	}

}
