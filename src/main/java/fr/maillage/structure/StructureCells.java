package fr.maillage.structure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cells of an import or export file for one structure: what the export writes and the
 * import template shows, in a form {@link StructureInput} reads back into the same
 * {@link StructureFields}, so that re-importing an export changes nothing. Typed values
 * ({@link #value}) serve spreadsheets, where dates and numbers are real cells; text
 * ({@link #text}) serves CSV files.
 */
final class StructureCells {

	/** The header of the id column, first in every file. */
	static final String ID = "id";

	static final String YES = "oui";

	static final String NO = "non";

	/** Separates project axes and served communes within one cell. */
	static final String LIST_SEPARATOR = " | ";

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	/** The labels of management modes in files, as {@link StructureInput} reads them. */
	static final Map<ManagementMode, String> MANAGEMENT_MODES = Map.of(ManagementMode.ASSOCIATION, "Association",
			ManagementMode.COMMUNE, "Commune ou CCAS", ManagementMode.CAF, "Caf", ManagementMode.CO_MANAGEMENT,
			"Cogestion", ManagementMode.OTHER, "Autre");

	static final Map<StructureStatus, String> STATUSES = Map.of(StructureStatus.ACTIVE, "active",
			StructureStatus.CLOSED, "fermée");

	static final Map<TerritoryType, String> TERRITORY_TYPES = Map.of(TerritoryType.URBAN, "urbain", TerritoryType.RURAL,
			"rural");

	private StructureCells() {
	}

	/** The header row: {@code id}, then every field's header. */
	static List<String> headers() {
		List<String> headers = new ArrayList<>();
		headers.add(ID);
		for (StructureField field : StructureField.values()) {
			headers.add(field.header());
		}
		return headers;
	}

	/** One row of typed values ({@code id} may be null: a line that creates). */
	static List<Object> row(Long id, StructureFields fields) {
		List<Object> row = new ArrayList<>();
		row.add(id);
		for (StructureField field : StructureField.values()) {
			row.add(value(field, fields));
		}
		return row;
	}

	/**
	 * A field's value: a {@link String}, a {@link LocalDate}, a {@link Number}, or
	 * {@code null} when empty.
	 */
	static Object value(StructureField field, StructureFields f) {
		return switch (field) {
			case NAME -> f.name();
			case KIND -> (f.kind() != null) ? f.kind().name() : null;
			case ADDRESS -> f.address();
			case POSTAL_CODE -> f.postalCode();
			case COMMUNE -> f.communeCode();
			case LATITUDE -> f.latitude();
			case LONGITUDE -> f.longitude();
			case EMAIL -> f.email();
			case PHONE -> f.phone();
			case WEBSITE -> f.website();
			case SIRET -> f.siret();
			case FIRST_APPROVAL_ON -> f.firstApprovalOn();
			case AREA_POPULATION -> f.areaPopulation();
			case HISTORY -> f.history();
			case PROJECT_AXES -> joined(f.projectAxes());
			case MANAGEMENT_MODE -> (f.managementMode() != null) ? MANAGEMENT_MODES.get(f.managementMode()) : null;
			case TERRITORY_TYPE ->
				(f.territoryTypeOverride() != null) ? TERRITORY_TYPES.get(f.territoryTypeOverride()) : null;
			case NEAR_QPV -> yesNo(f.nearQpv());
			case FEDERATION_MEMBER -> yesNo(f.federationMember());
			case TRAVELLERS_PUBLIC -> yesNo(f.travellersPublic());
			case MULTI_SITE -> yesNo(f.multiSite());
			case ITINERANT -> yesNo(f.itinerant());
			case STATUS -> (f.status() != null) ? STATUSES.get(f.status()) : null;
			case SERVED_COMMUNES -> joined(f.servedCommunes());
		};
	}

	/** A field's value as text ({@code ""} when empty). */
	static String text(StructureField field, StructureFields fields) {
		return text(value(field, fields));
	}

	/** A typed value as text: dates dd/MM/yyyy, decimals with a dot. */
	static String text(Object value) {
		return switch (value) {
			case null -> "";
			case LocalDate date -> DATE.format(date);
			case BigDecimal number -> number.stripTrailingZeros().toPlainString();
			default -> value.toString();
		};
	}

	private static String yesNo(boolean value) {
		return value ? YES : NO;
	}

	private static String joined(List<String> values) {
		return values.isEmpty() ? null : String.join(LIST_SEPARATOR, values);
	}

}
