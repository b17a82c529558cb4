package fr.maillage.structure;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.maillage.account.AccountPrincipal;
import fr.maillage.structure.ImportFiles.UnreadableFileException;
import fr.maillage.structure.RegistryImport.AlreadyConfirmedException;
import fr.maillage.structure.RegistryImport.Outcome;
import fr.maillage.structure.RegistryImportRepository.StoredFile;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing the registry from a CSV or XLSX file: upload, preview (every problem by line
 * and column, or what would be created and changed), confirm. The file waits in the
 * database between preview and confirmation; the confirmation checks it again. A Caf
 * advisor imports within her département, a national administrator anywhere.
 */
@Controller
class RegistryImportController {

	private static final Logger log = LoggerFactory.getLogger(RegistryImportController.class);

	/** Lines of creations or changes shown in a preview; the counts say the rest. */
	static final int SHOWN_LINES = 500;

	private final RegistryImport imports;

	private final RegistryImportRepository files;

	private final java.time.Clock clock;

	RegistryImportController(RegistryImport imports, RegistryImportRepository files, java.time.Clock clock) {
		this.imports = imports;
		this.files = files;
		this.clock = clock;
	}

	/** A column of the help table. */
	record ColumnHelp(String header, String labelKey, boolean requiredToCreate) {
	}

	static final List<ColumnHelp> COLUMNS = columns();

	private static List<ColumnHelp> columns() {
		List<ColumnHelp> columns = new ArrayList<>();
		columns.add(new ColumnHelp(StructureCells.ID, "structure.import.column.id", false));
		for (StructureField field : StructureField.values()) {
			columns.add(new ColumnHelp(field.header(), field.labelKey(),
					RegistryImport.REQUIRED_TO_CREATE.contains(field)));
		}
		return List.copyOf(columns);
	}

	/** What the page shows whatever happened (also after a refused upload). */
	static void pageAttributes(Model model) {
		model.addAttribute("columns", COLUMNS);
		model.addAttribute("maxMegabytes", ImportFiles.MAX_BYTES / (1024 * 1024));
		model.addAttribute("maxBytes", ImportFiles.MAX_BYTES);
		model.addAttribute("shownLines", SHOWN_LINES);
	}

	@ModelAttribute
	void page(Model model) {
		pageAttributes(model);
	}

	@GetMapping("/registre/import")
	String form() {
		requireImportScope();
		return "structure/import";
	}

	@PostMapping("/registre/import")
	String preview(@AuthenticationPrincipal AccountPrincipal person,
			@RequestParam(name = "fichier", required = false) MultipartFile file,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) throws IOException {
		requireImportScope();
		if (file == null || file.isEmpty()) {
			return refused(model, htmx, new UnreadableFileException("structure.import.error.empty-file"));
		}
		if (file.getSize() > ImportFiles.MAX_BYTES) {
			return refused(model, htmx, new UnreadableFileException("structure.import.error.too-large",
					ImportFiles.MAX_BYTES / (1024 * 1024)));
		}
		byte[] content = file.getBytes();
		String fileName = RegistryImportRepository.displayName(file.getOriginalFilename());
		ImportPlan plan;
		try {
			plan = this.imports.check(ImportFiles.read(content));
		}
		catch (UnreadableFileException ex) {
			return refused(model, htmx, ex);
		}
		Long importId = plan.clean() ? this.files.store(person.id(), fileName, content, this.clock.instant()) : null;
		return showPlan(model, htmx, plan, fileName, importId);
	}

	@PostMapping("/registre/import/confirmer")
	String confirm(@AuthenticationPrincipal AccountPrincipal person,
			@RequestParam(name = "import", defaultValue = "0") long importId,
			@RequestParam(name = "apercu", defaultValue = "") String fingerprint, Model model,
			RedirectAttributes redirect) {
		requireImportScope();
		long start = System.nanoTime();
		Optional<StoredFile> stored = this.files.findOwn(importId, person.id(), this.clock.instant());
		if (stored.isEmpty()) {
			return refused(model, null, new UnreadableFileException("structure.import.error.expired"));
		}
		ImportPlan plan;
		try {
			plan = this.imports.check(ImportFiles.read(stored.get().content()));
		}
		catch (UnreadableFileException ex) {
			return refused(model, null, ex);
		}
		if (!plan.clean()) {
			// The registry changed since the preview: the file no longer applies as is.
			this.files.delete(importId, person.id());
			model.addAttribute("changedSincePreview", true);
			return showPlan(model, null, plan, stored.get().fileName(), null);
		}
		if (!plan.fingerprint().equals(fingerprint)) {
			model.addAttribute("changedSincePreview", true);
			return showPlan(model, null, plan, stored.get().fileName(), importId);
		}
		long checked = System.nanoTime();
		Outcome outcome;
		try {
			outcome = this.imports.apply(importId, person.id(), stored.get().fileName(), plan);
		}
		catch (AlreadyConfirmedException ex) {
			return refused(model, null, new UnreadableFileException("structure.import.error.expired"));
		}
		long end = System.nanoTime();
		log.info(
				"Import confirmé : {} créées, {} modifiées, {} inchangées en {} ms (lecture et vérifications {} ms, "
						+ "écriture {} ms)",
				outcome.created(), outcome.updated(), outcome.unchanged(), (end - start) / 1_000_000,
				(checked - start) / 1_000_000, (end - checked) / 1_000_000);
		redirect.addFlashAttribute("outcome", outcome);
		redirect.addFlashAttribute("importedFile", stored.get().fileName());
		return "redirect:/registre/import";
	}

	@GetMapping("/registre/import/modele.csv")
	void templateCsv(HttpServletResponse response) throws IOException {
		requireImportScope();
		download(response, RegistryFiles.CSV_TYPE, "modele-import-registre.csv");
		RegistryFiles.writeCsv(response.getOutputStream(), StructureCells.headers(), List.of(example()));
	}

	@GetMapping("/registre/import/modele.xlsx")
	void templateXlsx(HttpServletResponse response) throws IOException {
		requireImportScope();
		download(response, RegistryFiles.XLSX_TYPE, "modele-import-registre.xlsx");
		RegistryFiles.writeXlsx(response.getOutputStream(), "registre", StructureCells.headers(), List.of(example()));
	}

	/** A fictional structure showing every column's format. */
	static List<Object> example() {
		StructureFields example = new StructureFields("Centre social des Tilleuls", StructureKind.CS,
				"12 rue des Tilleuls", "66000", "66136", new java.math.BigDecimal("42.698700"),
				new java.math.BigDecimal("2.895600"), "contact@cs-tilleuls.example", "04 68 00 00 00",
				"https://cs-tilleuls.example", Siret.withCheckDigit("9999999900001"), LocalDate.of(2015, 1, 1), 12000,
				"Créé en 2015 par des habitants du quartier.", List.of("Parentalité", "Accès aux droits"),
				ManagementMode.ASSOCIATION, null, true, true, false, false, false, StructureStatus.ACTIVE,
				List.of("66028", "66172"));
		return StructureCells.row(null, example);
	}

	static void download(HttpServletResponse response, String type, String fileName) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
	}

	private void requireImportScope() {
		if (this.imports.scope().isEmpty()) {
			throw new AccessDeniedException("No registry import scope");
		}
	}

	private String refused(Model model, String htmx, UnreadableFileException problem) {
		model.addAttribute("uploadError", problem.key());
		model.addAttribute("uploadErrorArguments", problem.arguments().toArray());
		return view(htmx);
	}

	private String showPlan(Model model, String htmx, ImportPlan plan, String fileName, Long importId) {
		model.addAttribute("plan", plan);
		model.addAttribute("fileName", fileName);
		model.addAttribute("shownProblems", first(plan.problems()));
		model.addAttribute("shownCreations", first(plan.creations()));
		model.addAttribute("shownUpdates", first(plan.updates()));
		if (importId != null) {
			model.addAttribute("importId", importId);
			model.addAttribute("fingerprint", plan.fingerprint());
		}
		return view(htmx);
	}

	private static <T> List<T> first(List<T> items) {
		return new ArrayList<>(items.subList(0, Math.min(items.size(), SHOWN_LINES)));
	}

	/** The whole page, or for htmx the part that changes. */
	private static String view(String htmx) {
		return "true".equals(htmx) ? "structure/import :: zone" : "structure/import";
	}

}
