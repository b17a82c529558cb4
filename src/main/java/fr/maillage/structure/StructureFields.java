package fr.maillage.structure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of an identity record that people write, validated. Two equal instances mean
 * "nothing changed": an edit or an import line that changes nothing writes nothing.
 *
 * @param territoryTypeOverride {@code null} to follow the commune's class
 * @param servedCommunes the communes served besides its own, sorted, without its own
 */
record StructureFields(String name, StructureKind kind, String address, String postalCode, String communeCode,
		BigDecimal latitude, BigDecimal longitude, String email, String phone, String website, String siret,
		LocalDate firstApprovalOn, Integer areaPopulation, String history, List<String> projectAxes,
		ManagementMode managementMode, TerritoryType territoryTypeOverride, boolean nearQpv, boolean federationMember,
		boolean travellersPublic, boolean multiSite, boolean itinerant, StructureStatus status,
		List<String> servedCommunes) {

	StructureFields {
		projectAxes = List.copyOf(projectAxes);
		servedCommunes = servedCommunes.stream().filter(code -> !code.equals(communeCode)).sorted().distinct().toList();
		latitude = Coordinates.scaled(latitude);
		longitude = Coordinates.scaled(longitude);
	}

	static StructureFields of(StructureRecord record) {
		return new StructureFields(record.name(), record.kind(), record.address(), record.postalCode(),
				record.communeCode(), record.latitude(), record.longitude(), record.email(), record.phone(),
				record.website(), record.siret(), record.firstApprovalOn(), record.areaPopulation(), record.history(),
				record.projectAxes(), record.managementMode(),
				record.territoryTypeCorrected() ? record.territoryType() : null, record.nearQpv(),
				record.federationMember(), record.travellersPublic(), record.multiSite(), record.itinerant(),
				record.status(), record.servedCommunes());
	}

	/** A new structure's defaults, before a form or an import line fills it. */
	static StructureFields blank() {
		return new StructureFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				List.of(), null, null, false, false, false, false, false, StructureStatus.ACTIVE, List.of());
	}

	/** Field by field, for the audit trail (no names of people here: none are stored). */
	Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", this.name);
		map.put("kind", this.kind);
		map.put("address", this.address);
		map.put("postalCode", this.postalCode);
		map.put("communeCode", this.communeCode);
		map.put("latitude", this.latitude);
		map.put("longitude", this.longitude);
		map.put("email", this.email);
		map.put("phone", this.phone);
		map.put("website", this.website);
		map.put("siret", this.siret);
		map.put("firstApprovalOn", this.firstApprovalOn);
		map.put("areaPopulation", this.areaPopulation);
		map.put("history", this.history);
		map.put("projectAxes", this.projectAxes);
		map.put("managementMode", this.managementMode);
		map.put("territoryType", this.territoryTypeOverride);
		map.put("nearQpv", this.nearQpv);
		map.put("federationMember", this.federationMember);
		map.put("travellersPublic", this.travellersPublic);
		map.put("multiSite", this.multiSite);
		map.put("itinerant", this.itinerant);
		map.put("status", this.status);
		map.put("servedCommunes", this.servedCommunes);
		return map;
	}

	/** The fields that differ from {@code before}, with their old and new values. */
	static Map<String, Object[]> changes(StructureFields before, StructureFields after) {
		Map<String, Object[]> changes = new LinkedHashMap<>();
		Map<String, Object> old = before.asMap();
		after.asMap().forEach((field, value) -> {
			Object previous = old.get(field);
			if ((previous == null) ? value != null : !previous.equals(value)) {
				changes.put(field, new Object[] { previous, value });
			}
		});
		return changes;
	}

	/** Coordinates are kept to 6 decimals (about 10 cm), as the database stores them. */
	static final class Coordinates {

		private Coordinates() {
		}

		static BigDecimal scaled(BigDecimal value) {
			return (value != null) ? value.setScale(6, java.math.RoundingMode.HALF_UP) : null;
		}

	}

}
