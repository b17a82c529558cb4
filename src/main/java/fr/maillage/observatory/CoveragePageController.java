package fr.maillage.observatory;

import java.io.IOException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.shared.web.NotFoundException;
import fr.maillage.territory.Choropleth;
import fr.maillage.territory.ChoroplethClass;
import fr.maillage.territory.ChoroplethOptions;
import fr.maillage.territory.DepartementMap;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Couverture des territoires", public: a map of the départements for a measure chosen by
 * a GET form (it works without script), with its legend and the table of every
 * département; each département's page with its unserved communes; and both tables as CSV
 * and XLSX files.
 */
@Controller
class CoveragePageController {

	/** The coverage page; the observatory's pages link to it. */
	static final String PATH = "/observatoire/couverture";

	static final String DEPARTEMENT_PATH = PATH + "/departements/";

	/** How many unserved communes a département's page lists; its files list them all. */
	static final int SHOWN_COMMUNES = 50;

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final Coverage coverage;

	private final DepartementMap map;

	private final MessageSource messages;

	private final Clock clock;

	CoveragePageController(Coverage coverage, DepartementMap map, MessageSource messages, Clock clock) {
		this.coverage = coverage;
		this.map = map;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(@RequestParam(name = "mesure", required = false) String measureSlug, Model model, Locale locale) {
		CoverageMeasure measure = CoverageMeasure.of(measureSlug);
		List<CoverageFigures> departements = this.coverage.departements();
		Choropleth drawn = draw(measure, departements, locale);
		model.addAttribute("measure", measure);
		model.addAttribute("measures", CoverageMeasure.values());
		model.addAttribute("departements", departements);
		model.addAttribute("france", Coverage.national(departements));
		model.addAttribute("coverageMap", drawn);
		model.addAttribute("legend", legend(measure, drawn, locale));
		return "observatory/coverage";
	}

	@GetMapping(DEPARTEMENT_PATH + "{code}")
	String departement(@PathVariable String code, Model model) {
		CoverageFigures figures = figures(code);
		model.addAttribute("figures", figures);
		model.addAttribute("communes", this.coverage.unservedCommunes(code, SHOWN_COMMUNES));
		model.addAttribute("shownCommunes", SHOWN_COMMUNES);
		return "observatory/coverage-departement";
	}

	@GetMapping(PATH + ".csv")
	void csv(HttpServletResponse response) throws IOException {
		List<List<Object>> rows = departementRows();
		download(response, TableFiles.CSV_TYPE, "couverture-territoires-" + today() + ".csv");
		TableFiles.writeCsv(response.getOutputStream(), CoverageFiles.DEPARTEMENT_HEADER, rows);
	}

	@GetMapping(PATH + ".xlsx")
	void xlsx(HttpServletResponse response) throws IOException {
		List<List<Object>> rows = departementRows();
		download(response, TableFiles.XLSX_TYPE, "couverture-territoires-" + today() + ".xlsx");
		TableFiles.writeXlsx(response.getOutputStream(), "couverture", CoverageFiles.DEPARTEMENT_HEADER, rows);
	}

	@GetMapping(DEPARTEMENT_PATH + "{code}.csv")
	void departementCsv(@PathVariable String code, HttpServletResponse response) throws IOException {
		List<List<Object>> rows = communeRows(code);
		download(response, TableFiles.CSV_TYPE, communesFileName(code, "csv"));
		TableFiles.writeCsv(response.getOutputStream(), CoverageFiles.COMMUNE_HEADER, rows);
	}

	@GetMapping(DEPARTEMENT_PATH + "{code}.xlsx")
	void departementXlsx(@PathVariable String code, HttpServletResponse response) throws IOException {
		List<List<Object>> rows = communeRows(code);
		download(response, TableFiles.XLSX_TYPE, communesFileName(code, "xlsx"));
		TableFiles.writeXlsx(response.getOutputStream(), "communes-" + code, CoverageFiles.COMMUNE_HEADER, rows);
	}

	private CoverageFigures figures(String code) {
		return this.coverage.departement(code)
			.orElseThrow(() -> new NotFoundException("coverage.departement.not-found", code));
	}

	private List<List<Object>> departementRows() {
		return this.coverage.departements().stream().map(CoverageFiles::row).toList();
	}

	private List<List<Object>> communeRows(String code) {
		figures(code);
		return this.coverage.unservedCommunes(code, Coverage.ALL).stream().map(CoverageFiles::row).toList();
	}

	private String communesFileName(String code, String extension) {
		return "communes-sans-structure-" + code + "-" + today() + "." + extension;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(PARIS));
	}

	private static void download(HttpServletResponse response, String type, String fileName) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
	}

	/** The map of {@code measure}, each département a link to its page. */
	private Choropleth draw(CoverageMeasure measure, List<CoverageFigures> departements, Locale locale) {
		Map<String, Long> values = new LinkedHashMap<>();
		for (CoverageFigures figures : departements) {
			values.put(figures.code(), measure.mapValue(figures));
		}
		String key = "coverage.map." + measure.slug();
		ChoroplethOptions options = ChoroplethOptions
			.of("carte-couverture", message(key + ".title", locale), message(key + ".description", locale),
					message(key + ".no-value", locale))
			.withLinks(code -> DEPARTEMENT_PATH + code)
			.withFormat(value -> format(measure, value, locale));
		return this.map.draw(values, options);
	}

	/** The legend, from the lowest class to the highest, then the neutral class. */
	private List<CoverageLegend> legend(CoverageMeasure measure, Choropleth drawn, Locale locale) {
		List<CoverageLegend> legend = new ArrayList<>();
		for (ChoroplethClass range : drawn.classes()) {
			String from = format(measure, range.from(), locale);
			String label = (range.from() == range.to()) ? from : this.messages.getMessage("coverage.map.legend.range",
					new Object[] { from, format(measure, range.to(), locale) }, locale);
			legend.add(new CoverageLegend(range.cssClass(), label, range.departements()));
		}
		legend.add(new CoverageLegend(drawn.none().cssClass(),
				message("coverage.map." + measure.slug() + ".legend-none", locale), drawn.none().departements()));
		return legend;
	}

	/** A value of the map as text: « 12,5 % » or « 3 400 habitants ». */
	private String format(CoverageMeasure measure, long value, Locale locale) {
		if (measure.share()) {
			NumberFormat decimal = NumberFormat.getNumberInstance(Locale.FRANCE);
			decimal.setMinimumFractionDigits(1);
			decimal.setMaximumFractionDigits(1);
			return this.messages.getMessage("coverage.percent", new Object[] { decimal.format(value / 10.0) }, locale);
		}
		return this.messages.getMessage("coverage.inhabitants",
				new Object[] { NumberFormat.getIntegerInstance(Locale.FRANCE).format(value) }, locale);
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
