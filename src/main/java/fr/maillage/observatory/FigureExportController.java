package fr.maillage.observatory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.maillage.shared.web.NotFoundException;
import fr.maillage.territory.Departement;
import fr.maillage.territory.TerritoryApi;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every table of the observatory's pages as CSV or XLSX: a territory's key figures
 * ({@code tableau=chiffres}), its trends over the years ({@code tendances}), an indicator
 * by département ({@code carte}) and a comparison ({@code comparaison}). The same
 * published figures as the pages, secrets included as words.
 */
@RestController
class FigureExportController {

	static final String PATH = ObservatoryController.PATH + "/export.{format}";

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Figures figures;

	private final TerritoryApi territories;

	private final MessageSource messages;

	FigureExportController(Figures figures, TerritoryApi territories, MessageSource messages) {
		this.figures = figures;
		this.territories = territories;
		this.messages = messages;
	}

	@GetMapping(PATH)
	ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam("tableau") String table,
			@RequestParam(name = "territoire", required = false) String territoryId,
			@RequestParam(name = "t", required = false) List<String> territoryIds,
			@RequestParam(name = "annee", required = false) Integer askedYear,
			@RequestParam(name = "indicateur", required = false) String indicatorCode,
			@RequestParam(name = "version", required = false) Integer version) {
		if (!format.equals("csv") && !format.equals("xlsx")) {
			throw new NotFoundException("observatory.not-found");
		}
		int year = year(askedYear);
		ExportTable export = switch (table) {
			case "chiffres" -> keyFigures(territory(territoryId), year, version);
			case "tendances" -> trends(territory(territoryId));
			case "carte" -> map(indicator(indicatorCode), year);
			case "comparaison" -> comparison(territoryIds, year);
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown table " + table);
		};
		boolean csv = format.equals("csv");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : XLSX);
		headers.setContentDisposition(ContentDisposition.attachment().filename(export.name() + "." + format).build());
		return new ResponseEntity<>(csv ? export.csv() : export.xlsx(), headers, HttpStatus.OK);
	}

	private int year(Integer asked) {
		List<Integer> years = this.figures.years();
		if (years.isEmpty()) {
			throw new NotFoundException("observatory.not-found");
		}
		int year = (asked != null) ? asked : years.getLast();
		if (!years.contains(year)) {
			throw new NotFoundException("observatory.not-found");
		}
		return year;
	}

	private TerritoryRef territory(String id) {
		TerritoryRef territory = TerritoryRef.parse(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "bad territory " + id));
		if (!this.figures.exists(territory)) {
			throw new NotFoundException("observatory.not-found");
		}
		return territory;
	}

	private Indicator indicator(String code) {
		return this.figures.catalogue()
			.indicator((code != null) ? code : ObservatoryController.DEFAULT_MAP)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown indicator " + code));
	}

	private ExportTable keyFigures(TerritoryRef territory, int year, Integer version) {
		FigureSheet sheet = (version != null)
				? this.figures.version(territory, year, version)
					.orElseThrow(() -> new NotFoundException("observatory.not-found"))
				: this.figures.sheet(territory, year);
		List<List<Object>> rows = new ArrayList<>();
		for (Indicator indicator : this.figures.catalogue().indicators()) {
			for (String kinds : List.of(Figure.ALL, "CS", "EVS")) {
				Figure figure = sheet.get(indicator.code(), kinds);
				if (figure == null) {
					continue;
				}
				rows.add(List.of(indicator.code(), indicator.label(), message("observatory.export.kinds." + kinds),
						message("observatory.unit." + indicator.unit().code()), cell(figure), figure.contributors()));
			}
		}
		String status = sheet.isFinal() ? message("observatory.export.final", sheet.version())
				: message("observatory.export.provisional");
		return new ExportTable("chiffres-" + slug(territory) + "-" + year,
				message("observatory.export.key-figures.title", this.figures.name(territory), year, status),
				List.of(message("observatory.export.code"), message("observatory.export.indicator"),
						message("observatory.export.kinds"), message("observatory.export.unit"),
						message("observatory.export.value"), message("observatory.export.contributors")),
				rows.stream().map(row -> (List<Object>) new ArrayList<Object>(row)).toList());
	}

	private ExportTable trends(TerritoryRef territory) {
		List<Integer> years = this.figures.years();
		List<String> headers = new ArrayList<>(
				List.of(message("observatory.export.code"), message("observatory.export.indicator")));
		years.forEach(year -> headers.add(Integer.toString(year)));
		List<List<Object>> rows = new ArrayList<>();
		for (Indicator indicator : this.figures.catalogue().indicators()) {
			if (!indicator.core()) {
				continue;
			}
			List<Object> row = new ArrayList<>(List.of(indicator.code(), indicator.label()));
			for (int year : years) {
				row.add(cell(this.figures.sheet(territory, year).get(indicator.code())));
			}
			rows.add(row);
		}
		return new ExportTable("tendances-" + slug(territory),
				message("observatory.export.trends.title", this.figures.name(territory)), headers, rows);
	}

	private ExportTable map(Indicator indicator, int year) {
		var byDepartement = this.figures.byDepartement(year, indicator.code());
		List<List<Object>> rows = new ArrayList<>();
		for (Departement departement : this.territories.departements()) {
			Figure figure = byDepartement.get(departement.code());
			rows.add(new ArrayList<>(List.of(departement.code(), departement.name())));
			rows.getLast().add(cell(figure));
		}
		return new ExportTable("carte-" + indicator.code() + "-" + year,
				message("observatory.export.map.title", indicator.label(), year),
				List.of(message("observatory.export.departement-code"), message("observatory.export.departement"),
						message("observatory.export.value")),
				rows);
	}

	private ExportTable comparison(List<String> ids, int year) {
		if (ids == null || ids.size() < 2 || ids.size() > Comparisons.MAX) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "2 to 4 territories");
		}
		List<TerritoryRef> compared = ids.stream().map(this::territory).toList();
		List<String> headers = new ArrayList<>(
				List.of(message("observatory.export.code"), message("observatory.export.indicator")));
		compared.forEach(territory -> headers.add(this.figures.name(territory)));
		List<List<Object>> rows = new ArrayList<>();
		for (Indicator indicator : this.figures.catalogue().indicators()) {
			List<Object> row = new ArrayList<>(List.of(indicator.code(), indicator.label()));
			for (TerritoryRef territory : compared) {
				row.add(cell(this.figures.sheet(territory, year).get(indicator.code())));
			}
			rows.add(row);
		}
		return new ExportTable("comparaison-" + year, message("observatory.export.comparison.title", year), headers,
				rows);
	}

	private Object cell(Figure figure) {
		if (figure == null) {
			return null;
		}
		if (figure.secret()) {
			return message("observatory.secret");
		}
		return figure.value();
	}

	private static String slug(TerritoryRef territory) {
		return territory.id().replace(':', '-').toLowerCase(Locale.ROOT);
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.FRANCE);
	}

}
