package fr.maillage.observatory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.account.RoleAssignment;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.ScopeKind;
import fr.maillage.structure.Structure;
import fr.maillage.structure.StructureApi;
import fr.maillage.territory.Commune;
import fr.maillage.territory.TerritoryApi;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Comparer": 2 to 4 territories side by side for a year, chosen one by one, or
 * "territories like mine" from a commune (its similar-territory group, its département,
 * the nation) or a département (the départements closest in rural population share). A
 * signed-in person of a structure starts from their structure's commune. Bad choices are
 * explained next to their field; nothing here changes anything.
 */
@Controller
class ComparisonController {

	static final String PATH = ObservatoryController.PATH + "/comparer";

	static final String DEFAULT_INDICATOR = "benevoles_moyen";

	private final Figures figures;

	private final Comparisons comparisons;

	private final TerritoryApi territories;

	private final AccessPolicy access;

	private final StructureApi structures;

	private final MessageSource messages;

	ComparisonController(Figures figures, Comparisons comparisons, TerritoryApi territories, AccessPolicy access,
			StructureApi structures, MessageSource messages) {
		this.figures = figures;
		this.comparisons = comparisons;
		this.territories = territories;
		this.access = access;
		this.structures = structures;
		this.messages = messages;
	}

	/** One territory side by side with the others: its figure of each indicator. */
	public record Column(TerritoryRef territory, String name, String href, FigureSheet sheet) {
	}

	public record Row(Indicator indicator, List<Shown> values) {
	}

	/** A choice offered in the territory lists. */
	public record Option(String id, String label) {
	}

	@GetMapping(PATH)
	String compare(@RequestParam(name = "t", required = false) List<String> chosen,
			@RequestParam(name = "departement", required = false) String departement,
			@RequestParam(name = "commune", required = false) String commune,
			@RequestParam(name = "annee", required = false) Integer askedYear,
			@RequestParam(name = "indicateur", required = false) String indicatorCode, Model model) {
		List<Integer> years = this.figures.years();
		model.addAttribute("years", years);
		model.addAttribute("options", options());
		model.addAttribute("departements", this.territories.departements());
		model.addAttribute("catalogue", this.figures.catalogue());
		if (years.isEmpty()) {
			return "observatory/compare";
		}
		int year = (askedYear != null && years.contains(askedYear)) ? askedYear : years.getLast();
		model.addAttribute("year", year);
		Indicator indicator = this.figures.catalogue()
			.indicator((indicatorCode != null) ? indicatorCode : DEFAULT_INDICATOR)
			.orElseGet(() -> this.figures.catalogue().indicator(DEFAULT_INDICATOR).orElseThrow());
		model.addAttribute("indicator", indicator);
		List<String> ids = (chosen != null) ? chosen.stream().filter(id -> id != null && !id.isBlank()).toList()
				: List.of();
		model.addAttribute("chosen", ids);
		model.addAttribute("departement", departement);
		model.addAttribute("commune", commune);
		Optional<List<TerritoryRef>> compared;
		if (!ids.isEmpty()) {
			compared = chosen(ids, model);
		}
		else if (departement != null && !departement.isBlank()) {
			compared = like(departement.strip(), commune, model);
		}
		else {
			compared = ownStructure(model);
		}
		compared.ifPresent(list -> show(list, year, indicator, model));
		return "observatory/compare";
	}

	private Optional<List<TerritoryRef>> chosen(List<String> ids, Model model) {
		List<TerritoryRef> list = new ArrayList<>();
		for (String id : ids) {
			Optional<TerritoryRef> territory = TerritoryRef.parse(id).filter(this.figures::exists);
			if (territory.isEmpty()) {
				model.addAttribute("choiceError", message("observatory.compare.error.unknown", id));
				return Optional.empty();
			}
			if (!list.contains(territory.get())) {
				list.add(territory.get());
			}
		}
		if (list.size() < 2 || list.size() > Comparisons.MAX) {
			model.addAttribute("choiceError", message("observatory.compare.error.count", Comparisons.MAX));
			return Optional.empty();
		}
		return Optional.of(list);
	}

	private Optional<List<TerritoryRef>> like(String departement, String communeName, Model model) {
		if (this.territories.departement(departement).isEmpty()) {
			model.addAttribute("departementError", message("observatory.compare.error.departement"));
			return Optional.empty();
		}
		if (communeName == null || communeName.isBlank()) {
			model.addAttribute("likeOf", this.figures.name(TerritoryRef.departement(departement)));
			return this.comparisons.likeDepartement(departement);
		}
		Optional<Commune> commune = find(departement, communeName.strip());
		if (commune.isEmpty()) {
			model.addAttribute("communeError", message("observatory.compare.error.commune", communeName.strip()));
			return Optional.empty();
		}
		model.addAttribute("likeOf", commune.get().name());
		return this.comparisons.likeCommune(commune.get().code());
	}

	/**
	 * A commune of the département by its name (case and accents aside) or INSEE code.
	 */
	private Optional<Commune> find(String departement, String text) {
		String wanted = plain(text);
		return this.territories.communesOf(departement)
			.stream()
			.filter(commune -> commune.code().equals(text) || plain(commune.name()).equals(wanted))
			.findFirst();
	}

	private static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('’', '\'')
			.replace('-', ' ')
			.toLowerCase(Locale.ROOT)
			.strip();
	}

	/** A signed-in person of a structure: territories like their structure's commune. */
	private Optional<List<TerritoryRef>> ownStructure(Model model) {
		Optional<AccountPrincipal> user = this.access.currentUser();
		if (user.isEmpty()) {
			return Optional.empty();
		}
		Optional<Long> structureId = user.get()
			.assignments()
			.stream()
			.filter(assignment -> assignment.scopeKind() == ScopeKind.STRUCTURE)
			.map(RoleAssignment::scopeCode)
			.map(Long::valueOf)
			.findFirst();
		Optional<Structure> structure = structureId
			.flatMap(id -> this.structures.find(id, this.access.scopeFor(Permission.READ_PRIVATE_REGISTRY)));
		if (structure.isEmpty()) {
			return Optional.empty();
		}
		Optional<Commune> commune = this.territories.commune(structure.get().communeCode());
		commune.ifPresent(c -> {
			model.addAttribute("likeOf", c.name());
			model.addAttribute("departement", c.departementCode());
			model.addAttribute("commune", c.name());
		});
		return commune.flatMap(c -> this.comparisons.likeCommune(c.code()));
	}

	private void show(List<TerritoryRef> compared, int year, Indicator indicator, Model model) {
		List<Column> columns = compared.stream()
			.map(territory -> new Column(territory, this.figures.name(territory),
					(territory.level() == TerritoryRef.Level.SIMILAR) ? null : ObservatoryController.path(territory),
					this.figures.sheet(territory, year)))
			.toList();
		List<Row> rows = new ArrayList<>();
		for (Indicator each : this.figures.catalogue().indicators()) {
			rows.add(new Row(each,
					columns.stream().map(column -> Shown.of(column.sheet().get(each.code()), each)).toList()));
		}
		List<SvgCharts.Point> points = columns.stream().map(column -> {
			Figure figure = column.sheet().get(indicator.code());
			return new SvgCharts.Point(column.name(), (figure != null && !figure.secret()) ? figure.value() : null);
		}).toList();
		model.addAttribute("columns", columns);
		model.addAttribute("rows", rows);
		model.addAttribute("chart",
				SvgCharts.bars("comparaison", message("observatory.compare.chart.title", indicator.label(), year),
						message("observatory.compare.chart.description"), points, indicator));
		StringBuilder query = new StringBuilder("tableau=comparaison&annee=" + year);
		compared.forEach(territory -> query.append("&t=").append(territory.id()));
		model.addAttribute("exportQuery", query.toString());
		model.addAttribute("compared", compared.stream().map(TerritoryRef::id).toList());
	}

	private List<Option> options() {
		List<Option> options = new ArrayList<>();
		options.add(new Option(TerritoryRef.NATION.id(), this.figures.name(TerritoryRef.NATION)));
		this.territories.regions()
			.forEach(region -> options.add(new Option(TerritoryRef.region(region.code()).id(),
					message("observatory.compare.option.region", region.name()))));
		this.territories.departements()
			.forEach(departement -> options.add(new Option(TerritoryRef.departement(departement.code()).id(),
					departement.name() + " (" + departement.code() + ")")));
		for (fr.maillage.territory.PopulationBand band : fr.maillage.territory.PopulationBand.values()) {
			TerritoryRef similar = TerritoryRef.similar(band);
			options.add(new Option(similar.id(), this.figures.name(similar)));
		}
		return options;
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.FRANCE);
	}

}
