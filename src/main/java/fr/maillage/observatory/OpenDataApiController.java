package fr.maillage.observatory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.observatory.ApiJson.ApiCatalogue;
import fr.maillage.observatory.ApiJson.ApiCompared;
import fr.maillage.observatory.ApiJson.ApiComparedValue;
import fr.maillage.observatory.ApiJson.ApiComparison;
import fr.maillage.observatory.ApiJson.ApiComparisonRow;
import fr.maillage.observatory.ApiJson.ApiFigure;
import fr.maillage.observatory.ApiJson.ApiIndicator;
import fr.maillage.observatory.ApiJson.ApiLicence;
import fr.maillage.observatory.ApiJson.ApiResponseCounts;
import fr.maillage.observatory.ApiJson.ApiSecret;
import fr.maillage.observatory.ApiJson.ApiSheet;
import fr.maillage.observatory.ApiJson.ApiTerritory;
import fr.maillage.observatory.ApiJson.ApiVersion;
import fr.maillage.observatory.ApiJson.ApiVersionEntry;
import fr.maillage.observatory.ApiJson.ApiVersions;
import fr.maillage.shared.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The observatory's open-data API (ADR 23): the indicator catalogue, a territory's
 * published figures for a year (provisional or final, and any final version), and
 * territories side by side. Secret figures are null with their reason. Every answer has a
 * strong entity tag and must be revalidated ({@link OpenDataResponses}); wrong parameters
 * get a French problem (RFC 9457).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Observatoire",
		description = "Les chiffres clés de l’observatoire de l’animation de la vie sociale, par territoire et par "
				+ "année, sous Licence Ouverte 2.0. Les valeurs couvertes par le secret statistique valent null, "
				+ "avec leur raison.")
@ApiResponse(responseCode = "304", description = "Inchangé depuis l’étiquette envoyée dans If-None-Match.",
		content = @Content)
@ApiResponse(responseCode = "400", description = "Paramètre incorrect.",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "Territoire, année ou version sans données.",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDetail.class)))
class OpenDataApiController {

	private static final String TERRITORY_HELP = "Identifiant du territoire : « nation », « region:76 », "
			+ "« departement:66 » ou « similaires:UNDER_2K » (groupe de communes similaires : UNDER_2K, "
			+ "FROM_2K_TO_10K, FROM_10K_TO_50K, FROM_50K_TO_200K, OVER_200K).";

	private static final String YEAR_HELP = "Année des données (l’enquête la suit d’un an) ; par défaut la "
			+ "dernière année publiée.";

	private final Figures figures;

	private final Comparisons comparisons;

	private final OpenDataSecrecy secrecy;

	private final OpenDataResponses responses;

	private final MessageSource messages;

	OpenDataApiController(Figures figures, Comparisons comparisons, OpenDataSecrecy secrecy,
			OpenDataResponses responses, MessageSource messages) {
		this.figures = figures;
		this.comparisons = comparisons;
		this.secrecy = secrecy;
		this.responses = responses;
		this.messages = messages;
	}

	@GetMapping("/indicators")
	@Operation(summary = "Le catalogue d’indicateurs",
			description = "Tous les indicateurs publiés : code, libellé, définition, unité, formule, types de "
					+ "structures couverts, et s’il s’agit d’un indicateur du socle ou d’un bloc thématique.")
	ResponseEntity<ApiCatalogue> indicators() {
		IndicatorCatalogue catalogue = this.figures.catalogue();
		List<ApiIndicator> indicators = catalogue.indicators()
			.stream()
			.map(indicator -> new ApiIndicator(indicator.code(), indicator.label(), indicator.definition(),
					indicator.unit().code(), indicator.formula().toString(), kinds(indicator), indicator.core()))
			.toList();
		return this.responses.ok(new ApiCatalogue(catalogue.version(), catalogue.title(), indicators, ApiLicence.OPEN));
	}

	@GetMapping("/figures")
	@Operation(summary = "Les chiffres d’un territoire pour une année",
			description = "Les chiffres publiés : la dernière version définitive s’il y en a une, sinon les chiffres "
					+ "provisoires, mis à jour à chaque validation d’une réponse. Pour chaque indicateur, la valeur "
					+ "pour toutes les structures puis pour les centres sociaux (CS) et les espaces de vie sociale "
					+ "(EVS). Avec « version », une version définitive donnée, dont les valeurs ne changent plus.")
	ResponseEntity<ApiSheet> figures(
			@Parameter(description = TERRITORY_HELP, example = "departement:66") @RequestParam String territory,
			@Parameter(description = YEAR_HELP, example = "2024") @RequestParam(required = false) Integer year,
			@Parameter(description = "Numéro d’une version définitive (voir /api/v1/figures/versions) ; "
					+ "par défaut la version publiée.") @RequestParam(required = false) Integer version) {
		TerritoryRef ref = territory(territory);
		int dataYear = year(year);
		FigureSheet sheet;
		if (version == null) {
			sheet = this.figures.sheet(ref, dataYear);
		}
		else {
			sheet = this.figures.version(ref, dataYear, version)
				.orElseThrow(() -> new NotFoundException("observatory.api.error.version", Integer.toString(version),
						this.figures.name(ref), Integer.toString(dataYear)));
		}
		return this.responses.ok(new ApiSheet(territoryJson(ref), dataYear, status(sheet), version(sheet),
				counts(sheet), this.figures.catalogue().version(), figureList(sheet), ApiLicence.OPEN));
	}

	@GetMapping("/figures/versions")
	@Operation(summary = "Les versions définitives d’un territoire pour une année",
			description = "Numéro et date de chaque version définitive, de la plus récente à la plus ancienne ; "
					+ "liste vide tant que les chiffres sont provisoires.")
	ResponseEntity<ApiVersions> versions(
			@Parameter(description = TERRITORY_HELP, example = "departement:66") @RequestParam String territory,
			@Parameter(description = YEAR_HELP, example = "2024") @RequestParam(required = false) Integer year) {
		TerritoryRef ref = territory(territory);
		int dataYear = year(year);
		List<ApiVersionEntry> versions = this.figures.versions(ref, dataYear)
			.stream()
			.map(version -> new ApiVersionEntry(version.number(), version.markedAt(), version.catalogueVersion()))
			.toList();
		return this.responses.ok(new ApiVersions(territoryJson(ref), dataYear, versions, ApiLicence.OPEN));
	}

	@GetMapping("/comparison")
	@Operation(summary = "Des territoires côte à côte",
			description = "Les chiffres publiés de 2 à " + Comparisons.MAX + " territoires, indicateur par "
					+ "indicateur : soit les territoires nommés (paramètre « territory » répété), soit les "
					+ "territoires comparables à une commune ou à un département (paramètre « like ») : pour une "
					+ "commune, son groupe de communes similaires, son département et la France ; pour un "
					+ "département, les départements dont la part de population rurale est la plus proche, et la "
					+ "France.")
	ResponseEntity<ApiComparison> comparison(
			@Parameter(
					description = "Les territoires à comparer, de 2 à " + Comparisons.MAX + " (paramètre répété). "
							+ TERRITORY_HELP,
					array = @ArraySchema(schema = @Schema(type = "string"), minItems = 2, maxItems = Comparisons.MAX),
					example = "[\"departement:66\", \"region:76\", \"nation\"]") @RequestParam(name = "territory",
							required = false) List<String> territories,
			@Parameter(description = "À la place de « territory » : « commune:66136 » (code INSEE de la commune) "
					+ "ou « departement:66 ».") @RequestParam(required = false) String like,
			@Parameter(description = YEAR_HELP, example = "2024") @RequestParam(required = false) Integer year) {
		boolean named = territories != null && !territories.isEmpty();
		if (named == (like != null && !like.isBlank())) {
			throw new ApiBadRequest("observatory.api.error.comparison-input");
		}
		List<TerritoryRef> compared = named ? named(territories) : like(like.strip());
		int dataYear = year(year);
		List<FigureSheet> sheets = compared.stream().map(ref -> this.figures.sheet(ref, dataYear)).toList();
		List<ApiCompared> heads = sheets.stream()
			.map(sheet -> new ApiCompared(territoryJson(sheet.territory()), status(sheet), version(sheet),
					counts(sheet)))
			.toList();
		List<ApiComparisonRow> rows = new ArrayList<>();
		for (Indicator indicator : this.figures.catalogue().indicators()) {
			for (String kinds : allKinds(indicator)) {
				rows.add(new ApiComparisonRow(indicator.code(), kinds, sheets.stream().map(sheet -> {
					Figure figure = sheet.get(indicator.code(), kinds);
					return (figure != null) ? new ApiComparedValue(sheet.territory().id(), figure.value(),
							figure.contributors(), secret(figure))
							: new ApiComparedValue(sheet.territory().id(), null, 0, null);
				}).toList()));
			}
		}
		return this.responses
			.ok(new ApiComparison(dataYear, named ? null : like.strip(), heads, List.copyOf(rows), ApiLicence.OPEN));
	}

	@ExceptionHandler(ApiBadRequest.class)
	ProblemDetail badRequest(ApiBadRequest ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage(ex.messageKey, ex.arguments, locale));
		problem.setTitle(this.messages.getMessage("api.error.title.400", null, locale));
		return problem;
	}

	private List<TerritoryRef> named(List<String> ids) {
		if (ids.size() < 2 || ids.size() > Comparisons.MAX) {
			throw new ApiBadRequest("observatory.api.error.comparison-count", Integer.toString(Comparisons.MAX),
					Integer.toString(ids.size()));
		}
		List<TerritoryRef> refs = ids.stream().map(this::territory).toList();
		if (new HashSet<>(refs).size() < refs.size()) {
			throw new ApiBadRequest("observatory.api.error.comparison-twice");
		}
		return refs;
	}

	private List<TerritoryRef> like(String like) {
		int colon = like.indexOf(':');
		String level = (colon < 0) ? like : like.substring(0, colon);
		String code = (colon < 0) ? "" : like.substring(colon + 1).toUpperCase(Locale.ROOT);
		Optional<List<TerritoryRef>> refs = switch (level) {
			case "commune" -> this.comparisons.likeCommune(code);
			case "departement" -> this.comparisons.likeDepartement(code);
			default -> throw new ApiBadRequest("observatory.api.error.like", like);
		};
		return refs.orElseThrow(() -> new NotFoundException("observatory.api.error.like-unknown", like));
	}

	private TerritoryRef territory(String id) {
		TerritoryRef ref = TerritoryRef.parse(id.strip())
			.orElseThrow(() -> new ApiBadRequest("observatory.api.error.territory", id));
		if (!this.figures.exists(ref)) {
			throw new NotFoundException("observatory.api.error.territory-unknown", id);
		}
		return ref;
	}

	/** The year asked for, or the latest published one; 404 for a year without data. */
	private int year(Integer year) {
		if (year == null) {
			return this.figures.latestYear().orElseThrow(() -> new NotFoundException("observatory.api.error.no-year"));
		}
		if (year < 1900 || year > 9999 || !(this.figures.years().contains(year)
				|| this.figures.live(TerritoryRef.NATION, year).target() > 0)) {
			throw new NotFoundException("observatory.api.error.year", Integer.toString(year));
		}
		return year;
	}

	private ApiTerritory territoryJson(TerritoryRef ref) {
		return new ApiTerritory(ref.id(), this.figures.name(ref), ref.level().prefix());
	}

	private static String status(FigureSheet sheet) {
		return sheet.status().name().toLowerCase(Locale.ROOT);
	}

	private static ApiVersion version(FigureSheet sheet) {
		return sheet.isFinal() ? new ApiVersion(sheet.version(), sheet.versionDate()) : null;
	}

	private static ApiResponseCounts counts(FigureSheet sheet) {
		return new ApiResponseCounts(sheet.target(), sheet.validated(), sheet.responseRate());
	}

	private List<ApiFigure> figureList(FigureSheet sheet) {
		List<ApiFigure> list = new ArrayList<>();
		for (Indicator indicator : this.figures.catalogue().indicators()) {
			for (String kinds : allKinds(indicator)) {
				Figure figure = sheet.get(indicator.code(), kinds);
				list.add((figure != null)
						? new ApiFigure(indicator.code(), kinds, figure.value(), figure.contributors(), secret(figure))
						: new ApiFigure(indicator.code(), kinds, null, 0, null));
			}
		}
		return List.copyOf(list);
	}

	private ApiSecret secret(Figure figure) {
		return figure.secret() ? new ApiSecret(this.secrecy.reason(figure), this.secrecy.explanation(figure)) : null;
	}

	/** The kinds of structure an indicator covers, CS before EVS. */
	private static List<String> kinds(Indicator indicator) {
		return List.of("CS", "EVS").stream().filter(indicator::covers).toList();
	}

	/** All structures, then each kind the indicator covers. */
	private static List<String> allKinds(Indicator indicator) {
		List<String> kinds = new ArrayList<>();
		kinds.add(Figure.ALL);
		kinds.addAll(kinds(indicator));
		return kinds;
	}

	/** A parameter that is wrong as written: 400 with a French detail. */
	static final class ApiBadRequest extends RuntimeException {

		private final String messageKey;

		private final transient Object[] arguments;

		ApiBadRequest(String messageKey, Object... arguments) {
			super(messageKey);
			this.messageKey = messageKey;
			this.arguments = arguments.clone();
		}

	}

}
