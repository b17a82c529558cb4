package fr.maillage.structure;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.maillage.account.AccessPolicy;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Scope;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.territory.Departement;
import fr.maillage.territory.TerritoryApi;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry as its signed-in users see it: the list within their scope, a structure's
 * record with its approvals, documents and renewal milestones, the edit and approval
 * forms, and the Caf's renewal dashboard.
 */
@Controller
class RegistryController {

	static final int PAGE_SIZE = 50;

	static final int RENEWALS_PAGE_SIZE = 100;

	/** Far beyond the national registry's last page; keeps offsets small and positive. */
	static final int MAX_PAGE = 10_000;

	private final Registry registry;

	private final RegistryRepository records;

	private final Approvals approvals;

	private final ApprovalRepository approvalRecords;

	private final AccessPolicy policy;

	private final TerritoryApi territories;

	private final MessageSource messages;

	RegistryController(Registry registry, RegistryRepository records, Approvals approvals,
			ApprovalRepository approvalRecords, AccessPolicy policy, TerritoryApi territories, MessageSource messages) {
		this.registry = registry;
		this.records = records;
		this.approvals = approvals;
		this.approvalRecords = approvalRecords;
		this.policy = policy;
		this.territories = territories;
		this.messages = messages;
	}

	@GetMapping("/registre")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String departement,
			@RequestParam(required = false) StructureKind kind, @RequestParam(required = false) StructureStatus status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Scope scope = readScope();
		int current = Math.clamp(page, 0, MAX_PAGE);
		RegistryRepository.ListPage found = this.records.search(scope, q, departement, kind, status,
				current * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("rows", found.rows());
		model.addAttribute("total", found.total());
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("q", q);
		model.addAttribute("departement", departement);
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		model.addAttribute("departements", departementsIn(scope));
		model.addAttribute("today", this.approvals.today());
		model.addAttribute("mayCreate", this.registry.mayCreate());
		return "registry/list";
	}

	@GetMapping("/registre/renouvellements")
	String renewals(@RequestParam(required = false) String departement, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Scope scope = this.policy.scopeFor(Permission.EDIT_REGISTRY);
		if (scope.isEmpty()) {
			throw new AccessDeniedException("Renewals are the Caf's");
		}
		Scope shown = scope;
		if (departement != null && !departement.isBlank()) {
			Departement chosen = this.territories.departement(departement)
				.orElseThrow(() -> new NotFoundException("registry.error.not-found"));
			shown = new Scope(false, Set.of(), Set.of(chosen.code()), Set.of());
			if (!scope.covers(chosen.regionCode(), chosen.code(), null)) {
				// A département is public: visible, but not this person's to follow.
				throw new AccessDeniedException("Département " + chosen.code() + " is outside the registry scope");
			}
		}
		LocalDate today = this.approvals.today();
		int current = Math.clamp(page, 0, MAX_PAGE);
		List<ApprovalRepository.RenewalRow> rows = this.approvalRecords.renewals(shown, today,
				current * RENEWALS_PAGE_SIZE, RENEWALS_PAGE_SIZE + 1);
		model.addAttribute("rows", rows.stream().limit(RENEWALS_PAGE_SIZE).toList());
		model.addAttribute("hasNext", rows.size() > RENEWALS_PAGE_SIZE);
		model.addAttribute("page", current);
		model.addAttribute("lateCount", this.approvalRecords.lateStructures(shown, today));
		model.addAttribute("today", today);
		model.addAttribute("departement", departement);
		model.addAttribute("departements", departementsIn(scope));
		return "registry/renewals";
	}

	@GetMapping("/registre/nouvelle")
	String newStructure(Model model) {
		requireCreator();
		StructureForm form = new StructureForm();
		model.addAttribute("form", form);
		return showForm(null, model);
	}

	@PostMapping("/registre/nouvelle")
	String create(@ModelAttribute("form") StructureForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		requireCreator();
		StructureInput.Result result = this.registry.input()
			.read(form.typed(EnumSet.allOf(StructureField.class)), StructureFields.blank());
		if (!result.valid()) {
			reject(result, binding);
			return showForm(null, model);
		}
		if (!this.registry.mayCreateIn(result.fields().communeCode())) {
			binding.rejectValue("communeCode", "registry.error.commune-outside");
			return showForm(null, model);
		}
		long id = this.registry.create(result.fields());
		redirect.addFlashAttribute("notice", "registry.created");
		return "redirect:/registre/" + id;
	}

	@GetMapping("/registre/{id}")
	String record(@PathVariable long id, Model model) {
		StructureRecord record = this.registry.readable(id);
		Scope scope = readScope();
		LocalDate today = this.approvals.today();
		List<Approval> history = this.approvalRecords.ofStructure(id, scope);
		// The main approval in force today; else (none yet, or it ended) the latest one.
		Optional<Approval> current = history.stream()
			.filter(a -> a.main() && a.validOn(today))
			.findFirst()
			.or(() -> history.stream().filter(Approval::main).findFirst());
		Optional<Approval> latest = history.stream().filter(Approval::main).findFirst();
		Optional<Approval> beside = current.flatMap(main -> history.stream()
			.filter(a -> !a.main() && !a.startsOn().isAfter(main.endsOn()) && !a.endsOn().isBefore(main.startsOn()))
			.findFirst());
		// The renewal under way is the latest main approval's (a renewal recorded ahead
		// starts the next cycle).
		List<RenewalMilestone> milestones = latest
			.map(main -> this.approvalRecords.milestonesOf(id, scope)
				.stream()
				.filter(m -> m.approvalId() == main.id())
				.toList())
			.orElse(List.of());
		model.addAttribute("record", record);
		model.addAttribute("communes", communeNames(record));
		model.addAttribute("history", history);
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("beside", beside.orElse(null));
		model.addAttribute("latest", latest.orElse(null));
		model.addAttribute("milestones", milestones);
		model.addAttribute("documents",
				this.approvalRecords.documentsOf(id, scope)
					.stream()
					.collect(Collectors.groupingBy(ApprovalDocument::approvalId)));
		model.addAttribute("today", today);
		model.addAttribute("mayEditAll", this.registry.mayEditAll(record));
		model.addAttribute("mayEdit", this.registry.mayEditAll(record) || this.registry.mayEditDescription(record));
		model.addAttribute("departementName",
				this.territories.departement(record.departementCode()).map(Departement::name).orElse(""));
		return "registry/record";
	}

	@GetMapping("/registre/{id}/modifier")
	String edit(@PathVariable long id, Model model) {
		StructureRecord record = editable(id);
		model.addAttribute("form", StructureForm.of(record));
		return showForm(record, model);
	}

	@PostMapping("/registre/{id}/modifier")
	String update(@PathVariable long id, @ModelAttribute("form") StructureForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		StructureRecord record = editable(id);
		if (!this.registry.mayEditAll(record) && Arrays.stream(StructureField.values())
			.filter(field -> !field.descriptive())
			.anyMatch(field -> request.getParameter(field.parameter()) != null)) {
			// The structure's own form has none of the Caf's fields: this request was
			// forged.
			throw new AccessDeniedException("Only the Caf writes the identity of structure " + id);
		}
		Set<StructureField> editableFields = this.registry.mayEditAll(record) ? EnumSet.allOf(StructureField.class)
				: EnumSet.copyOf(StructureField.descriptiveFields());
		StructureInput.Result result = this.registry.input()
			.read(form.typed(editableFields), StructureFields.of(record));
		if (!result.valid()) {
			reject(result, binding);
			return showForm(record, model);
		}
		if (!result.fields().communeCode().equals(record.communeCode())
				&& !this.registry.mayCreateIn(result.fields().communeCode())) {
			binding.rejectValue("communeCode", "registry.error.commune-outside");
			return showForm(record, model);
		}
		boolean changed = this.registry.update(record, result.fields());
		redirect.addFlashAttribute("notice", changed ? "registry.updated" : "registry.unchanged");
		return "redirect:/registre/" + id;
	}

	@GetMapping("/registre/{id}/agrements/nouveau")
	String newApproval(@PathVariable long id, Model model) {
		StructureRecord record = approvalEditor(id);
		model.addAttribute("form", new ApprovalForm());
		return showApprovalForm(record, model);
	}

	@PostMapping("/registre/{id}/agrements/nouveau")
	String recordApproval(@PathVariable long id, @ModelAttribute("form") ApprovalForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		StructureRecord record = approvalEditor(id);
		List<Approvals.Problem> problems = this.approvals.record(record, form);
		if (!problems.isEmpty()) {
			problems.forEach(problem -> binding.rejectValue(problem.field(), problem.key(),
					problem.arguments().toArray(), null));
			return showApprovalForm(record, model);
		}
		redirect.addFlashAttribute("notice", "approval.recorded");
		return "redirect:/registre/" + id;
	}

	@GetMapping("/registre/{id}/agrements/{approvalId}/modifier")
	String editApproval(@PathVariable long id, @PathVariable long approvalId, Model model) {
		StructureRecord record = approvalEditor(id);
		Approval approval = this.approvals.approval(record, approvalId);
		model.addAttribute("form", ApprovalForm.of(approval));
		model.addAttribute("approval", approval);
		return showApprovalForm(record, model);
	}

	@PostMapping("/registre/{id}/agrements/{approvalId}/modifier")
	String correctApproval(@PathVariable long id, @PathVariable long approvalId,
			@ModelAttribute("form") ApprovalForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		StructureRecord record = approvalEditor(id);
		Approval approval = this.approvals.approval(record, approvalId);
		List<Approvals.Problem> problems = this.approvals.correct(record, approvalId, form);
		if (!problems.isEmpty()) {
			problems.forEach(problem -> binding.rejectValue(problem.field(), problem.key(),
					problem.arguments().toArray(), null));
			model.addAttribute("approval", approval);
			return showApprovalForm(record, model);
		}
		redirect.addFlashAttribute("notice", "approval.corrected");
		return "redirect:/registre/" + id + "#agrement-" + approvalId;
	}

	@PostMapping("/registre/{id}/documents/{documentId}/supprimer")
	String removeDocument(@PathVariable long id, @PathVariable long documentId, RedirectAttributes redirect) {
		StructureRecord record = approvalEditor(id);
		this.approvals.removeDocument(record, documentId);
		redirect.addFlashAttribute("notice", "approval.document.removed");
		return "redirect:/registre/" + id;
	}

	@PostMapping("/registre/{id}/agrements/{approvalId}/documents")
	String addDocument(@PathVariable long id, @PathVariable long approvalId,
			@RequestParam(name = "fichier", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		StructureRecord record = approvalEditor(id);
		Optional<String> problem = (file == null || file.isEmpty() && file.getOriginalFilename() == null)
				? Optional.of("approval.document.error.missing")
				: this.approvals.addDocument(record, approvalId, file.getOriginalFilename(), file.getBytes());
		if (problem.isPresent()) {
			redirect.addFlashAttribute("documentProblem", problem.get());
			redirect.addFlashAttribute("problemApproval", approvalId);
		}
		else {
			redirect.addFlashAttribute("notice", "approval.document.added");
		}
		return "redirect:/registre/" + id + "#agrement-" + approvalId;
	}

	@GetMapping("/registre/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
		this.registry.readable(id);
		ApprovalRepository.StoredDocument document = this.approvalRecords.document(id, documentId, readScope())
			.orElseThrow(() -> new NotFoundException("registry.error.not-found"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(document.content());
	}

	@PostMapping("/registre/{id}/jalons/{milestoneId}")
	String markMilestone(@PathVariable long id, @PathVariable long milestoneId,
			@RequestParam(name = "doneOn", required = false) String doneOn,
			@RequestParam(name = "note", required = false) String note, RedirectAttributes redirect) {
		StructureRecord record = approvalEditor(id);
		List<Approvals.Problem> problems = this.approvals.markMilestoneDone(record, milestoneId, doneOn, note);
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("notice", "milestone.marked");
		}
		else {
			redirect.addFlashAttribute("milestoneProblem", milestoneId);
			redirect.addFlashAttribute("milestoneMessages",
					problems.stream().map(problem -> message(problem.key(), problem.arguments().toArray())).toList());
		}
		return "redirect:/registre/" + id + "#jalon-" + milestoneId;
	}

	private String showForm(StructureRecord record, Model model) {
		boolean all = (record == null) || this.registry.mayEditAll(record);
		model.addAttribute("record", record);
		model.addAttribute("all", all);
		model.addAttribute("kinds", StructureKind.values());
		model.addAttribute("modes", ManagementMode.values());
		model.addAttribute("territoryTypes", TerritoryType.values());
		model.addAttribute("statuses", StructureStatus.values());
		model.addAttribute("communeClass", (record == null) ? null
				: this.territories.commune(record.communeCode()).map(c -> TerritoryType.of(c.urban())).orElse(null));
		return "registry/edit";
	}

	private String showApprovalForm(StructureRecord record, Model model) {
		model.addAttribute("record", record);
		model.addAttribute("kinds", this.approvalRecords.kindsFor(record.kind()));
		return "registry/approval-form";
	}

	private void reject(StructureInput.Result result, BindingResult binding) {
		result.byParameter()
			.forEach((parameter, problem) -> binding.rejectValue(parameter, problem.key(),
					problem.arguments().toArray(), null));
	}

	private StructureRecord editable(long id) {
		StructureRecord record = this.registry.readable(id);
		if (!this.registry.mayEditAll(record) && !this.registry.mayEditDescription(record)) {
			throw new AccessDeniedException("May not edit structure " + id);
		}
		return record;
	}

	private StructureRecord approvalEditor(long id) {
		StructureRecord record = this.registry.readable(id);
		if (!this.registry.mayEditAll(record)) {
			throw new AccessDeniedException("Approvals are the Caf's");
		}
		return record;
	}

	private void requireCreator() {
		if (!this.registry.mayCreate()) {
			throw new AccessDeniedException("May not create structures");
		}
	}

	private Scope readScope() {
		Scope scope = this.policy.scopeFor(Permission.READ_PRIVATE_REGISTRY);
		if (scope.isEmpty()) {
			throw new AccessDeniedException("No registry scope");
		}
		return scope;
	}

	/** The départements a person's scope reaches, for the filters. */
	private List<Departement> departementsIn(Scope scope) {
		return this.territories.departements()
			.stream()
			.filter(d -> scope.nation() || scope.regions().contains(d.regionCode())
					|| scope.departements().contains(d.code()))
			.toList();
	}

	private List<String> communeNames(StructureRecord record) {
		List<String> names = new ArrayList<>();
		for (String code : record.servedCommunes()) {
			names.add(this.territories.commune(code).map(c -> c.name() + " (" + code + ")").orElse(code));
		}
		names.sort(Comparator.naturalOrder());
		return names;
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.FRANCE);
	}

}
