package fr.maillage.structure;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import fr.maillage.shared.web.NotFoundException;
import fr.maillage.structure.PublicDirectory.DepartementStructures;
import fr.maillage.territory.Choropleth;
import fr.maillage.territory.ChoroplethOptions;
import fr.maillage.territory.Departement;
import fr.maillage.territory.DepartementMap;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Annuaire": the public directory of active structures, searched by a GET form (its
 * address is bookmarkable), with a map and a table of the structures per département; and
 * each structure's public page. htmx, when present, replaces the results only; without
 * script the form and the links work the same.
 */
@Controller
class DirectoryController {

	static final String PATH = "/annuaire";

	static final int PAGE_SIZE = 20;

	private static final String HTMX_REQUEST = "HX-Request";

	private final PublicDirectory directory;

	private final DepartementMap map;

	private final MessageSource messages;

	DirectoryController(PublicDirectory directory, DepartementMap map, MessageSource messages) {
		this.directory = directory;
		this.map = map;
		this.messages = messages;
	}

	@GetMapping(PATH)
	String directory(@ModelAttribute("filter") DirectoryFilter filter, BindingResult errors,
			@RequestParam(defaultValue = "1") int page,
			@RequestHeader(name = HTMX_REQUEST, required = false) String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore, Model model,
			Locale locale, HttpServletResponse response) {
		// The same address answers the page or, to htmx, its results: caches must tell.
		response.addHeader(HttpHeaders.VARY, HTMX_REQUEST);
		check(filter, errors);
		DirectoryPage result = errors.hasErrors() ? new DirectoryPage(List.of(), 0, 1, PAGE_SIZE)
				: search(filter, page);
		model.addAttribute("result", result);
		model.addAttribute("filterInvalid", errors.hasErrors());
		List<Departement> departements = this.directory.departements();
		model.addAttribute("departementNames",
				departements.stream().collect(Collectors.toMap(Departement::code, Departement::name)));
		if (htmx != null && historyRestore == null && !errors.hasErrors()) {
			return "directory/fragments :: htmx-results";
		}
		List<DepartementStructures> counts = this.directory.countsByDepartement(departements);
		model.addAttribute("departements", departements);
		model.addAttribute("kinds", StructureKind.values());
		model.addAttribute("managementModes", ManagementMode.values());
		model.addAttribute("departementCounts", counts);
		model.addAttribute("departementMap", map(counts, locale));
		return "directory/index";
	}

	/**
	 * A structure's public page; {@code filter} and {@code page} are the search it was
	 * reached from, which its breadcrumb leads back to. A closed structure's page stays,
	 * saying so, so that old links explain what happened.
	 */
	@GetMapping(PATH + "/{id}")
	String structure(@PathVariable long id, @ModelAttribute("filter") DirectoryFilter filter, BindingResult errors,
			@RequestParam(defaultValue = "1") int page, Model model) {
		StructureRecord structure = this.directory.find(id)
			.orElseThrow(() -> new NotFoundException("directory.structure.not-found", Long.toString(id)));
		CurrentApproval approval = this.directory.currentApproval(id).orElse(null);
		model.addAttribute("structure", structure);
		model.addAttribute("approval", approval);
		model.addAttribute("approvalEnded", approval != null && approval.endedBefore(this.directory.today()));
		model.addAttribute("servedCommunes", this.directory.servedCommuneNames(structure));
		model.addAttribute("phoneHref",
				(structure.phone() != null) ? "tel:" + structure.phone().replaceAll("[^0-9+]", "") : null);
		// Only a web address is a link: nothing like javascript: reaches the page.
		model.addAttribute("websiteHref", DataInclusionStructure.uri(structure.website()));
		model.addAttribute("departementName", this.directory.departementName(structure.departementCode()));
		// A search link that does not read is dropped, not an error: the page is found.
		model.addAttribute("backUrl", errors.hasErrors() ? PATH : filter.pageUrl(Math.max(1, page)));
		return "directory/structure";
	}

	/**
	 * The map of the active structures per département, each département a link to its
	 * structures; the page writes its legend and the same figures as a table.
	 */
	private Choropleth map(List<DepartementStructures> counts, Locale locale) {
		ChoroplethOptions options = ChoroplethOptions
			.of("carte-annuaire", this.messages.getMessage("directory.map.title", null, locale),
					this.messages.getMessage("directory.map.description", null, locale),
					this.messages.getMessage("directory.map.no-value", null, locale))
			.withLinks(code -> new DirectoryFilter(null, null, code, null).pageUrl(1));
		return this.map.draw(PublicDirectory.totals(counts), options);
	}

	private void check(DirectoryFilter filter, BindingResult errors) {
		if (filter.q() != null && filter.q().length() > DirectoryFilter.MAX_QUERY) {
			errors.rejectValue("q", "directory.error.query-long", new Object[] { DirectoryFilter.MAX_QUERY }, null);
		}
		if (!errors.hasFieldErrors("departement") && filter.departement() != null
				&& !this.directory.knownDepartement(filter.departement())) {
			errors.rejectValue("departement", "directory.error.departement", new Object[] { filter.departement() },
					null);
		}
	}

	/** The page asked for, or the last one when it asks beyond. */
	private DirectoryPage search(DirectoryFilter filter, int page) {
		DirectoryPage result = this.directory.search(filter, Math.max(1, page), PAGE_SIZE);
		if (result.items().isEmpty() && result.number() > result.lastPage()) {
			result = this.directory.search(filter, result.lastPage(), PAGE_SIZE);
		}
		return result;
	}

}
