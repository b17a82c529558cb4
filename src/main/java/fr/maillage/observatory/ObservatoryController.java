package fr.maillage.observatory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.maillage.shared.web.NotFoundException;
import fr.maillage.territory.Choropleth;
import fr.maillage.territory.ChoroplethClass;
import fr.maillage.territory.ChoroplethOptions;
import fr.maillage.territory.Departement;
import fr.maillage.territory.DepartementMap;
import fr.maillage.territory.TerritoryApi;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public key-figures pages of the nation, a region and a département (no sign-in): a
 * chosen data year's figures with the change from last year, beside the region's and the
 * nation's; the response rate as a quality note; the CS / EVS split; a trend over the
 * years; the map of France of any indicator; the final versions. Each chart and map has
 * its table, and every table downloads as CSV and XLSX ({@link FigureExportController}).
 */
@Controller
class ObservatoryController {

	static final String PATH = "/observatoire";

	static final String DEFAULT_MAP = "part_financements_caf";

	static final String DEFAULT_TREND = "benevoles_activite";

	private final Figures figures;

	private final FinalFigures finalFigures;

	private final FigureCache cache;

	private final DepartementMap departementMap;

	private final TerritoryApi territories;

	private final MessageSource messages;

	ObservatoryController(Figures figures, FinalFigures finalFigures, FigureCache cache, DepartementMap departementMap,
			TerritoryApi territories, MessageSource messages) {
		this.figures = figures;
		this.finalFigures = finalFigures;
		this.cache = cache;
		this.departementMap = departementMap;
		this.territories = territories;
		this.messages = messages;
	}

	@GetMapping(PATH)
	String nation(@RequestParam(name = "annee", required = false) Integer year,
			@RequestParam(name = "carte", required = false) String mapIndicator,
			@RequestParam(name = "tendance", required = false) String trendIndicator,
			@RequestParam(name = "version", required = false) Integer version, Model model) {
		return page(TerritoryRef.NATION, year, mapIndicator, trendIndicator, version, model);
	}

	@GetMapping(PATH + "/regions/{region}")
	String region(@PathVariable("region") String code, @RequestParam(name = "annee", required = false) Integer year,
			@RequestParam(name = "carte", required = false) String mapIndicator,
			@RequestParam(name = "tendance", required = false) String trendIndicator,
			@RequestParam(name = "version", required = false) Integer version, Model model) {
		return page(known(TerritoryRef.parse("region:" + code)), year, mapIndicator, trendIndicator, version, model);
	}

	@GetMapping(PATH + "/departements/{code}")
	String departement(@PathVariable String code, @RequestParam(name = "annee", required = false) Integer year,
			@RequestParam(name = "carte", required = false) String mapIndicator,
			@RequestParam(name = "tendance", required = false) String trendIndicator,
			@RequestParam(name = "version", required = false) Integer version, Model model) {
		return page(known(TerritoryRef.parse("departement:" + code)), year, mapIndicator, trendIndicator, version,
				model);
	}

	private TerritoryRef known(Optional<TerritoryRef> territory) {
		if (territory.isEmpty() || !this.figures.exists(territory.get())) {
			throw new NotFoundException("observatory.not-found");
		}
		return territory.get();
	}

	private String page(TerritoryRef territory, Integer askedYear, String mapCode, String trendCode, Integer version,
			Model model) {
		List<Integer> years = this.figures.years();
		if (years.isEmpty()) {
			model.addAttribute("name", this.figures.name(territory));
			return "observatory/empty";
		}
		int year = (askedYear != null) ? askedYear : years.getLast();
		if (!years.contains(year)) {
			throw new NotFoundException("observatory.not-found");
		}
		Indicator map = indicator((mapCode != null) ? mapCode : DEFAULT_MAP);
		Indicator trend = indicator((trendCode != null) ? trendCode : DEFAULT_TREND);
		String key = "page|" + territory.id() + "|" + year + "|" + map.code() + "|" + trend.code() + "|" + version;
		TerritoryPage page = this.cache.get(key, () -> build(territory, year, years, map, trend, version));
		if (page == null) {
			throw new NotFoundException("observatory.not-found");
		}
		model.addAttribute("page", page);
		model.addAttribute("catalogue", this.figures.catalogue());
		model.addAttribute("path", path(territory));
		FinalFigures.Rights rights = this.finalFigures.rights(territory);
		model.addAttribute("rights", rights);
		// Only those who mark or agree see the agreement: no query for anyone else.
		model.addAttribute("agreement",
				rights.any() ? this.finalFigures.agreement(territory, year).orElse(null) : null);
		model.addAttribute("exportQuery", "territoire=" + territory.id() + "&annee=" + year);
		return "observatory/territory";
	}

	private Indicator indicator(String code) {
		return this.figures.catalogue()
			.indicator(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown indicator " + code));
	}

	/** The page's address, e.g. {@code /observatoire/departements/66}. */
	static String path(TerritoryRef territory) {
		return switch (territory.level()) {
			case NATION -> PATH;
			case REGION -> PATH + "/regions/" + territory.code();
			case DEPARTEMENT -> PATH + "/departements/" + territory.code();
			case SIMILAR -> ComparisonController.PATH + "?t=" + territory.id();
		};
	}

	private TerritoryPage build(TerritoryRef territory, int year, List<Integer> years, Indicator mapIndicator,
			Indicator trendIndicator, Integer version) {
		FigureSheet sheet;
		if (version != null) {
			sheet = this.figures.version(territory, year, version).orElse(null);
			if (sheet == null) {
				return null;
			}
		}
		else {
			sheet = this.figures.sheet(territory, year);
		}
		FigureSheet lastYear = years.contains(year - 1) ? this.figures.sheet(territory, year - 1) : null;
		TerritoryRef region = (territory.level() == TerritoryRef.Level.DEPARTEMENT)
				? this.figures.regionOf(territory).orElse(null) : null;
		FigureSheet regionSheet = (region != null) ? this.figures.sheet(region, year) : null;
		FigureSheet nationSheet = (territory.level() != TerritoryRef.Level.NATION)
				? this.figures.sheet(TerritoryRef.NATION, year) : null;
		List<Indicator> core = this.figures.catalogue().indicators().stream().filter(Indicator::core).toList();
		List<Indicator> thematic = this.figures.catalogue()
			.indicators()
			.stream()
			.filter(indicator -> !indicator.core())
			.toList();
		return new TerritoryPage(territory, this.figures.name(territory), year, years, sheet, region,
				(region != null) ? this.figures.name(region) : null,
				TerritoryPage.rows(core, sheet, lastYear, regionSheet, nationSheet),
				TerritoryPage.rows(thematic, sheet, lastYear, regionSheet, nationSheet),
				trend(territory, years, trendIndicator), map(territory, year, mapIndicator), children(territory),
				this.figures.versions(territory, year));
	}

	private TerritoryPage.Trend trend(TerritoryRef territory, List<Integer> years, Indicator indicator) {
		List<TerritoryPage.YearValue> values = new ArrayList<>();
		List<SvgCharts.Point> points = new ArrayList<>();
		for (int year : years) {
			Figure figure = this.figures.sheet(territory, year).get(indicator.code());
			values.add(new TerritoryPage.YearValue(year, Shown.of(figure, indicator)));
			points.add(new SvgCharts.Point(Integer.toString(year),
					(figure != null && !figure.secret()) ? figure.value() : null));
		}
		String name = this.figures.name(territory);
		String svg = SvgCharts.line("tendance", message("observatory.trend.chart.title", indicator.label(), name),
				message("observatory.trend.chart.description", years.getFirst(), years.getLast()), points, indicator);
		return new TerritoryPage.Trend(indicator, svg, values);
	}

	private TerritoryPage.MapView map(TerritoryRef territory, int year, Indicator indicator) {
		Map<String, Figure> byDepartement = this.figures.byDepartement(year, indicator.code());
		Map<String, Long> values = new LinkedHashMap<>();
		byDepartement.forEach((code, figure) -> {
			if (!figure.secret() && figure.value() != null) {
				values.put(code, figure.value().movePointRight(indicator.unit().decimals()).longValue());
			}
		});
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(PATH + "/departements/{code}")
			.queryParam("annee", year)
			.queryParam("carte", indicator.code());
		ChoroplethOptions options = ChoroplethOptions
			.of("carte-indicateur", message("observatory.map.title", indicator.label(), year),
					message("observatory.map.description", year), message("observatory.map.no-value"))
			.withLinks(code -> link.buildAndExpand(code).toUriString())
			.withFormat(value -> FigureFormat.value(BigDecimal.valueOf(value, indicator.unit().decimals()), indicator));
		Choropleth choropleth = this.departementMap.draw(values, options);
		List<TerritoryPage.Legend> legend = new ArrayList<>();
		for (ChoroplethClass entry : choropleth.classes()) {
			String from = FigureFormat.value(BigDecimal.valueOf(entry.from(), indicator.unit().decimals()), indicator);
			String to = FigureFormat.value(BigDecimal.valueOf(entry.to(), indicator.unit().decimals()), indicator);
			legend.add(new TerritoryPage.Legend(entry.cssClass(),
					(entry.from() == entry.to()) ? from : message("observatory.map.legend.range", from, to)));
		}
		legend.add(new TerritoryPage.Legend(choropleth.none().cssClass(), message("observatory.map.legend.none")));
		List<TerritoryPage.MapRow> rows = new ArrayList<>();
		for (Departement departement : this.territories.departements()) {
			rows.add(new TerritoryPage.MapRow(departement.code(), departement.name() + " (" + departement.code() + ")",
					link.buildAndExpand(departement.code()).toUriString(),
					Shown.of(byDepartement.get(departement.code()), indicator)));
		}
		return new TerritoryPage.MapView(indicator, choropleth.svg(), legend, rows);
	}

	private List<TerritoryPage.Link> children(TerritoryRef territory) {
		return switch (territory.level()) {
			case NATION -> this.territories.regions()
				.stream()
				.map(region -> new TerritoryPage.Link(region.name(), PATH + "/regions/" + region.code()))
				.toList();
			case REGION -> this.territories.departements()
				.stream()
				.filter(departement -> departement.regionCode().equals(territory.code()))
				.map(departement -> new TerritoryPage.Link(departement.name() + " (" + departement.code() + ")",
						PATH + "/departements/" + departement.code()))
				.toList();
			default -> List.of();
		};
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.FRANCE);
	}

}
