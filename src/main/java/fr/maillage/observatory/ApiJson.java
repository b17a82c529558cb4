package fr.maillage.observatory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON bodies of the open-data API ({@code /api/v1}, ADR 23). Field descriptions are
 * French: they are published in the OpenAPI document.
 */
final class ApiJson {

	private ApiJson() {
	}

	@Schema(name = "ApiLicence", description = "Licence des données publiées.")
	record ApiLicence(@Schema(example = OpenDataLicence.NAME) String name,
			@Schema(example = OpenDataLicence.URL) String url) {

		static final ApiLicence OPEN = new ApiLicence(OpenDataLicence.NAME, OpenDataLicence.URL);

	}

	@Schema(name = "ApiTerritory", description = "Un territoire : la France, une région, un département "
			+ "ou un groupe de territoires similaires.")
	record ApiTerritory(@Schema(description = "Identifiant du territoire.", example = "departement:66") String id,
			@Schema(description = "Nom du territoire.", example = "Pyrénées-Orientales (66)") String name,
			@Schema(description = "Niveau du territoire.", allowableValues = {
					"nation", "region", "departement", "similaires" }) String level){
	}

	@Schema(name = "ApiSecret", description = "Pourquoi la valeur n’est pas publiée (secret statistique).")
	record ApiSecret(
			@Schema(description = "« primary » : calculée sur trop peu de structures ; « secondary » : "
					+ "masquée pour qu’une autre valeur secrète ne puisse pas être déduite par soustraction.",
					allowableValues = {
							"primary", "secondary" }) String reason,
			@Schema(description = "Explication en français.") String explanation){
	}

	@Schema(name = "ApiFigure", description = "La valeur d’un indicateur pour un type de structures.")
	record ApiFigure(@Schema(description = "Code de l’indicateur.", example = "benevoles_activite") String indicator,
			@Schema(description = "Structures couvertes : toutes (ALL), centres sociaux (CS) "
					+ "ou espaces de vie sociale (EVS).",
					allowableValues = {
							"ALL", "CS", "EVS" }) String kinds,
			@Schema(description = "La valeur ; null quand elle est secrète ou qu’aucune structure n’a répondu.",
					nullable = true) BigDecimal value,
			@Schema(description = "Nombre de structures dont la valeur est calculée.") int contributors,
			@Schema(description = "Présent quand la valeur est couverte par le secret statistique.",
					nullable = true) ApiSecret secret){
	}

	@Schema(name = "ApiVersion", description = "Version définitive des chiffres.")
	record ApiVersion(@Schema(description = "Numéro de la version définitive (1, 2…).") int number,
			@Schema(description = "Date à laquelle elle a été arrêtée.") Instant date) {
	}

	@Schema(name = "ApiResponseCounts", description = "Taux de réponse à l’enquête.")
	record ApiResponseCounts(@Schema(description = "Structures interrogées.") int target,
			@Schema(description = "Réponses validées.") int validated,
			@Schema(description = "Réponses validées sur structures interrogées, en %.",
					nullable = true) BigDecimal rate) {
	}

	@Schema(name = "ApiSheet", description = "Les chiffres publiés d’un territoire pour une année.")
	record ApiSheet(ApiTerritory territory, @Schema(description = "Année des données.", example = "2024") int year,
			@Schema(description = "« provisional » : chiffres provisoires, mis à jour à chaque validation ; "
					+ "« final » : version définitive.",
					allowableValues = {
							"provisional", "final" }) String status,
			@Schema(description = "La version définitive ; null tant que les chiffres sont provisoires.",
					nullable = true) ApiVersion version,
			ApiResponseCounts responses,
			@Schema(description = "Version du catalogue d’indicateurs.") String catalogueVersion,
			@Schema(description = "Pour chaque indicateur : toutes structures, puis CS et EVS.") List<ApiFigure> figures,
			ApiLicence licence){
	}

	@Schema(name = "ApiIndicator", description = "Un indicateur du catalogue.")
	record ApiIndicator(@Schema(example = "benevoles_activite") String code, String label, String definition,
			@Schema(description = "Unité.", allowableValues = {
					"structures", "nombre", "euros", "pourcent", "etp", "jours", "heures" }) String unit,
			@Schema(description = "Formule de calcul.", example = "sum(benevoles_activite)") String formula,
			@Schema(description = "Types de structures couverts.") List<String> kinds,
			@Schema(description = "false pour un indicateur d’un bloc thématique annuel.") boolean core){
	}

	@Schema(name = "ApiCatalogue", description = "Le catalogue d’indicateurs de l’observatoire.")
	record ApiCatalogue(@Schema(example = "2026.1") String version, String title, List<ApiIndicator> indicators,
			ApiLicence licence) {
	}

	@Schema(name = "ApiVersionEntry", description = "Une version définitive.")
	record ApiVersionEntry(int number, Instant date,
			@Schema(description = "Version du catalogue d’indicateurs.") String catalogueVersion) {
	}

	@Schema(name = "ApiVersions", description = "Les versions définitives d’un territoire pour une année, "
			+ "de la plus récente à la plus ancienne.")
	record ApiVersions(ApiTerritory territory, int year, List<ApiVersionEntry> versions, ApiLicence licence) {
	}

	@Schema(name = "ApiCompared", description = "Un territoire comparé, avec l’état de ses chiffres.")
	record ApiCompared(ApiTerritory territory, @Schema(allowableValues = {
			"provisional", "final" }) String status, @Schema(nullable = true) ApiVersion version,
			ApiResponseCounts responses){
	}

	@Schema(name = "ApiComparedValue", description = "La valeur d’un territoire comparé.")
	record ApiComparedValue(@Schema(description = "Identifiant du territoire.") String territory,
			@Schema(nullable = true) BigDecimal value, int contributors, @Schema(nullable = true) ApiSecret secret) {
	}

	@Schema(name = "ApiComparisonRow", description = "Un indicateur, pour un type de structures, "
			+ "dans chaque territoire comparé (dans l’ordre de « territories »).")
	record ApiComparisonRow(String indicator, @Schema(allowableValues = {
			"ALL", "CS", "EVS" }) String kinds, List<ApiComparedValue> values){
	}

	@Schema(name = "ApiComparison", description = "Des territoires côte à côte.")
	record ApiComparison(int year,
			@Schema(description = "Le territoire de référence quand la comparaison vient du paramètre « like ».",
					nullable = true) String like,
			List<ApiCompared> territories, List<ApiComparisonRow> figures, ApiLicence licence) {
	}

}
