package fr.maillage.structure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The writable fields of an identity record, in the order forms, import templates and
 * exports show them. One definition serves the edit form (its parameter name), the import
 * and export files (their column header) and the messages ({@code structure.field.} +
 * parameter name).
 *
 * @param descriptive whether the structure's own people may edit it (its contact and
 * descriptive fields, permissions.md); the others are the Caf's
 */
enum StructureField {

	NAME("name", "nom", false), KIND("kind", "type", false), ADDRESS("address", "adresse", true),
	POSTAL_CODE("postalCode", "code_postal", true), COMMUNE("communeCode", "code_commune", false),
	LATITUDE("latitude", "latitude", true), LONGITUDE("longitude", "longitude", true), EMAIL("email", "courriel", true),
	PHONE("phone", "telephone", true), WEBSITE("website", "site_web", true), SIRET("siret", "siret", false),
	FIRST_APPROVAL_ON("firstApprovalOn", "date_premier_agrement", false),
	AREA_POPULATION("areaPopulation", "population_territoire", true), HISTORY("history", "historique", true),
	PROJECT_AXES("projectAxes", "axes_projet", true), MANAGEMENT_MODE("managementMode", "mode_gestion", false),
	TERRITORY_TYPE("territoryType", "type_territoire", false), NEAR_QPV("nearQpv", "qpv", false),
	FEDERATION_MEMBER("federationMember", "adherent_federation", false),
	TRAVELLERS_PUBLIC("travellersPublic", "gens_du_voyage", false), MULTI_SITE("multiSite", "multi_sites", false),
	ITINERANT("itinerant", "itinerant", false), STATUS("status", "statut", false),
	SERVED_COMMUNES("servedCommunes", "communes_desservies", false);

	private final String parameter;

	private final String header;

	private final boolean descriptive;

	StructureField(String parameter, String header, boolean descriptive) {
		this.parameter = parameter;
		this.header = header;
		this.descriptive = descriptive;
	}

	String parameter() {
		return this.parameter;
	}

	String header() {
		return this.header;
	}

	boolean descriptive() {
		return this.descriptive;
	}

	String labelKey() {
		return "structure.field." + this.parameter;
	}

	static Optional<StructureField> byHeader(String header) {
		return Arrays.stream(values()).filter(field -> field.header.equals(header)).findFirst();
	}

	static List<StructureField> descriptiveFields() {
		return Arrays.stream(values()).filter(StructureField::descriptive).toList();
	}

}
