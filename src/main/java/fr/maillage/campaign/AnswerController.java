package fr.maillage.campaign;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.questionnaire.AnswerInput;
import fr.maillage.questionnaire.Definition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The answer pages of a response: its sections with their progress, one page per section
 * whose fields autosave one by one (htmx) and which a plain form post saves whole
 * (without JavaScript, and to confirm last year's proposals), the history of every
 * change, the submission with its checks, and a printable view.
 */
@Controller
class AnswerController {

	private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

	private final AnswerSheet sheets;

	private final Answers answers;

	private final Submissions submissions;

	private final AnswerRepository repository;

	private final MessageSource messages;

	private final Clock clock;

	private final AccessPolicy policy;

	private final Reviews reviews;

	private final Extensions extensions;

	private final DepartementComparison comparison;

	AnswerController(AnswerSheet sheets, Answers answers, Submissions submissions, AnswerRepository repository,
			MessageSource messages, Clock clock, AccessPolicy policy, Reviews reviews, Extensions extensions,
			DepartementComparison comparison) {
		this.policy = policy;
		this.reviews = reviews;
		this.extensions = extensions;
		this.comparison = comparison;
		this.sheets = sheets;
		this.answers = answers;
		this.submissions = submissions;
		this.repository = repository;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/reponses/{responseId}")
	String overview(@PathVariable long responseId, Model model) {
		return showOverview(this.sheets.open(responseId), "", null, model);
	}

	private String showOverview(AnswerSheet.Sheet sheet, String typedExtension, String extensionError, Model model) {
		model.addAttribute("sheet", sheet);
		model.addAttribute("summaries", this.sheets.summaries(sheet));
		model.addAttribute("mayGrantExtension", this.extensions.mayGrant(sheet.structure()));
		model.addAttribute("closesOnText", Deadlines.text(sheet.campaign().closesOn()));
		model.addAttribute("extendedUntilText",
				(sheet.extendedUntil() != null) ? Deadlines.text(sheet.extendedUntil()) : null);
		model.addAttribute("typedExtension", typedExtension);
		model.addAttribute("extensionError", extensionError);
		model.addAttribute("comparison", this.comparison.of(sheet));
		addCommon(model, sheet);
		return "campaign/response";
	}

	/**
	 * A deadline extension for this response's structure (Caf advisors in scope and the
	 * national administration): a mistake in the date comes back next to the field.
	 */
	@PostMapping("/reponses/{responseId}/prolongation")
	String extend(@PathVariable long responseId, @RequestParam(name = "until", defaultValue = "") String until,
			Model model, RedirectAttributes redirect) {
		java.util.Optional<Extensions.Problem> problem = this.extensions.grant(responseId, until);
		if (problem.isPresent()) {
			return showOverview(this.sheets.open(responseId), until,
					text(problem.get().key(), problem.get().arguments()), model);
		}
		redirect.addFlashAttribute("notice", "lifecycle.extension.granted");
		redirect.addFlashAttribute("noticeArgument", Deadlines.text(java.time.LocalDate.parse(until.strip())));
		return "redirect:/reponses/" + responseId;
	}

	@GetMapping("/reponses/{responseId}/sections/{section}")
	String section(@PathVariable long responseId, @PathVariable String section,
			@RequestParam(name = "ajout", defaultValue = "0") int extraItems, Model model) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		return showSection(sheet, section, Math.clamp(extraItems, 0, 10), Map.of(), Map.of(), model);
	}

	private String showSection(AnswerSheet.Sheet sheet, String section, int extraItems, Map<String, String> typed,
			Map<String, String> errors, Model model) {
		AnswerSheet.SectionPage page = this.sheets.section(sheet, section, extraItems);
		model.addAttribute("sheet", sheet);
		model.addAttribute("page", page);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		addCommon(model, sheet);
		return "campaign/section";
	}

	private void addCommon(Model model, AnswerSheet.Sheet sheet) {
		// The page keeps unsent values in the browser under the person's id: never sent
		// in
		// someone else's name on a shared computer.
		model.addAttribute("userId", this.policy.currentUser().map(AccountPrincipal::id).orElse(0L));
		model.addAttribute("response", sheet.response());
		model.addAttribute("structure", sheet.structure());
		model.addAttribute("editable", sheet.editable());
		// The reviewers' comments, shown next to their questions.
		model.addAttribute("comments", this.reviews.commentsOf(sheet.response().id()));
	}

	/**
	 * Autosave of one field ({@code champ} is {@code <code>.<item>}); answers with the
	 * field's status for htmx to put in place. Without htmx, back to the section.
	 */
	@PostMapping("/reponses/{responseId}/valeurs")
	String save(@PathVariable long responseId, @RequestParam("champ") String field,
			@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		FieldKey key = FieldKey.parse(field);
		String typed = String.join(", ", form.getOrDefault("f." + field, List.of()));
		int seen = parseVersion(form.getFirst("v." + field));
		Answers.Outcome outcome = this.answers.save(responseId, key.code(), key.item(), typed, seen);
		if (request.getHeader("HX-Request") == null) {
			return "redirect:/reponses/" + responseId;
		}
		model.addAttribute("key", key);
		model.addAttribute("field", field);
		switch (outcome) {
			case Answers.Saved saved -> {
				model.addAttribute("state", "saved");
				model.addAttribute("savedAt", time(saved.savedAt()));
				model.addAttribute("shown", saved.shown());
				model.addAttribute("version", saved.version());
				response.setHeader("HX-Trigger", PageUpdate.json(saved.relevance(), saved.totals()));
			}
			case Answers.Refused refused -> {
				model.addAttribute("state", "error");
				model.addAttribute("message", text(refused.message(), refused.arguments()));
				model.addAttribute("version", seen);
			}
			case Answers.Conflict conflict -> {
				model.addAttribute("state", "conflict");
				model.addAttribute("theirs", conflict.theirs());
				model.addAttribute("yours", conflict.yours());
				model.addAttribute("version", conflict.version());
			}
		}
		model.addAttribute("responseId", responseId);
		return "campaign/field-state :: state";
	}

	/**
	 * The whole section as typed (the form without JavaScript, and "Confirmer la
	 * section"): every field saved in order, hidden ones skipped; any problem re-shows
	 * the page with the message next to its field, the others being saved. Once clean,
	 * the section is confirmed (its proposals are now answers) and the next one opens.
	 */
	@PostMapping("/reponses/{responseId}/sections/{section}")
	String saveSection(@PathVariable long responseId, @PathVariable String section,
			@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		AnswerSheet.SectionPage page = this.sheets.section(sheet, section, 0);
		if (!sheet.mayAnswer()) {
			throw new org.springframework.security.access.AccessDeniedException("Not this structure's to answer");
		}
		if (sheet.closed()) {
			redirect.addFlashAttribute("problem", "answer.error.closed-not-saved");
			return "redirect:/reponses/" + responseId + "/sections/" + section;
		}
		if (!sheet.editable()) {
			redirect.addFlashAttribute("problem", "answer.error.locked");
			return "redirect:/reponses/" + responseId + "/sections/" + section;
		}
		Map<String, String> typed = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (String name : form.keySet()) {
			if (!name.startsWith("f.")) {
				continue;
			}
			String field = name.substring(2);
			FieldKey key = FieldKey.parse(field);
			String value = String.join(", ", form.get(name));
			typed.put(field, value);
			Answers.Outcome outcome = this.answers.save(responseId, key.code(), key.item(), value,
					parseVersion(form.getFirst("v." + field)));
			switch (outcome) {
				case Answers.Refused refused -> {
					if (!refused.message().equals("answer.error.not-relevant")) {
						errors.put(field, text(refused.message(), refused.arguments()));
					}
				}
				case Answers.Conflict conflict ->
					errors.put(field, text("answer.conflict.section", List.of(conflict.theirs(), conflict.yours())));
				case Answers.Saved saved -> typed.remove(field);
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errorCount", errors.size());
			return showSection(this.sheets.open(responseId), section, 0, typed, errors, model);
		}
		this.sheets.confirm(responseId, section);
		redirect.addFlashAttribute("notice", "answer.section.confirmed");
		redirect.addFlashAttribute("noticeArgument", page.title());
		return (page.nextCode() != null) ? "redirect:/reponses/" + responseId + "/sections/" + page.nextCode()
				: "redirect:/reponses/" + responseId + "/soumettre";
	}

	@GetMapping("/reponses/{responseId}/historique")
	String history(@PathVariable long responseId, Model model) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		List<HistoryLine> lines = new ArrayList<>();
		for (AnswerRepository.Change change : this.repository.changes(responseId)) {
			Definition.Question question = sheet.definition().question(change.code()).orElse(null);
			if (question == null) {
				continue;
			}
			lines.add(new HistoryLine(LocalDateTime.ofInstant(change.changedAt(), FRANCE), question.label(),
					change.item(), shown(question, change.oldValue()), shown(question, change.newValue()),
					change.changedBy()));
		}
		model.addAttribute("sheet", sheet);
		model.addAttribute("lines", lines);
		addCommon(model, sheet);
		return "campaign/history";
	}

	/** One change as the history shows it. */
	public record HistoryLine(LocalDateTime at, String label, int item, String before, String after, String by) {
	}

	private static String shown(Definition.Question question, String value) {
		return (value == null) ? "" : AnswerInput.show(question, Answers.decode(question, value));
	}

	@GetMapping("/reponses/{responseId}/soumettre")
	String submission(@PathVariable long responseId, Model model) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		return showSubmission(sheet, this.submissions.check(sheet), this.repository.justifications(responseId),
				Map.of(), model);
	}

	private String showSubmission(AnswerSheet.Sheet sheet, Submissions.Report report,
			Map<String, String> justifications, Map<String, String> errors, Model model) {
		model.addAttribute("sheet", sheet);
		model.addAttribute("blocking", problems(report.blocking()));
		model.addAttribute("warnings", problems(report.warnings()));
		model.addAttribute("justifications", justifications);
		Map<String, String> errorTexts = new LinkedHashMap<>();
		errors.forEach((code, key) -> errorTexts.put(code, text(key, List.of(Submissions.JUSTIFICATION_MAX))));
		model.addAttribute("justificationErrors", errorTexts);
		addCommon(model, sheet);
		return "campaign/submit";
	}

	@PostMapping("/reponses/{responseId}/soumettre")
	String submit(@PathVariable long responseId, @RequestParam("version") int version,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		Map<String, String> justifications = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("j.")) {
				justifications.put(name.substring(2), value);
			}
		});
		Submissions.Outcome outcome = this.submissions.submit(responseId, version, justifications);
		if (outcome instanceof Submissions.NotSubmitted refused) {
			return showSubmission(this.sheets.open(responseId), refused.report(), justifications,
					refused.justificationErrors(), model);
		}
		redirect.addFlashAttribute("notice", "submission.done");
		return "redirect:/reponses/" + responseId;
	}

	/** A problem as the submission page lists it: its text, and where to fix it. */
	public record ShownProblem(String code, String label, String text, String section) {

		/** The field's id on its section page. */
		public String anchor() {
			return "q-" + this.code + "-0";
		}

	}

	private List<ShownProblem> problems(List<Submissions.Problem> problems) {
		return shownProblems(problems, this.messages);
	}

	/** Problems in French, as the submission page and the review page list them. */
	static List<ShownProblem> shownProblems(List<Submissions.Problem> problems, MessageSource messages) {
		List<ShownProblem> shown = new ArrayList<>();
		for (Submissions.Problem problem : problems) {
			String text = String.join(" ",
					problem.findings()
						.stream()
						.map(finding -> messages.getMessage(finding.message(), finding.arguments().toArray(),
								finding.message(), Locale.FRENCH))
						.toList());
			shown.add(new ShownProblem(problem.finding().code(), problem.label(), text, problem.sectionCode()));
		}
		return shown;
	}

	@GetMapping("/reponses/{responseId}/impression")
	String print(@PathVariable long responseId, Model model) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		List<AnswerSheet.SectionPage> pages = new ArrayList<>();
		for (Definition.Section section : sheet.sections()) {
			pages.add(this.sheets.section(sheet, section.code(), -1));
		}
		model.addAttribute("sheet", sheet);
		model.addAttribute("pages", pages);
		model.addAttribute("justifications", this.repository.justifications(responseId));
		model.addAttribute("printedAt", LocalDateTime.now(this.clock.withZone(FRANCE)));
		addCommon(model, sheet);
		return "campaign/print";
	}

	/**
	 * The CSRF token of the current session: the answer page asks for it after its person
	 * signed in again in another tab, to send the values it kept. Signed-out callers are
	 * sent to the sign-in page like any other.
	 */
	@GetMapping(path = "/reponses/jeton", produces = "text/plain")
	@ResponseBody
	String csrfToken(CsrfToken token) {
		return token.getToken();
	}

	private String text(String keyOrText, List<Object> arguments) {
		return this.messages.getMessage(keyOrText, arguments.toArray(), keyOrText, Locale.FRENCH);
	}

	private String time(java.time.Instant instant) {
		LocalDateTime local = LocalDateTime.ofInstant(instant, FRANCE);
		return text("answer.saved-at", List.of(local.getHour(), String.format("%02d", local.getMinute())));
	}

	private static int parseVersion(String version) {
		try {
			return (version == null || version.isBlank()) ? 0 : Math.max(0, Integer.parseInt(version.strip()));
		}
		catch (NumberFormatException ex) {
			throw new Answers.UnknownQuestionException("version " + version);
		}
	}

	/** A field's name, {@code <code>.<item>}; anything else is a bad request. */
	record FieldKey(String code, int item) {

		static FieldKey parse(String field) {
			int dot = field.lastIndexOf('.');
			if (dot <= 0 || !field.substring(dot + 1).matches("\\d{1,4}")) {
				throw new Answers.UnknownQuestionException(field);
			}
			return new FieldKey(field.substring(0, dot), Integer.parseInt(field.substring(dot + 1)));
		}

		public String id() {
			return this.code + "-" + this.item;
		}

	}

	/**
	 * The {@code HX-Trigger} header that tells the page which conditional questions to
	 * show and what the totals are now. Codes are identifiers and totals French numbers,
	 * but both are escaped anyway.
	 */
	static final class PageUpdate {

		private PageUpdate() {
		}

		static String json(Map<String, Boolean> relevance, Map<String, String> totals) {
			StringBuilder json = new StringBuilder("{\"maillage:reponses\":{\"visibles\":{");
			String separator = "";
			for (Map.Entry<String, Boolean> entry : relevance.entrySet()) {
				json.append(separator).append(quote(entry.getKey())).append(':').append(entry.getValue());
				separator = ",";
			}
			json.append("},\"totaux\":{");
			separator = "";
			for (Map.Entry<String, String> entry : totals.entrySet()) {
				json.append(separator).append(quote(entry.getKey())).append(':').append(quote(entry.getValue()));
				separator = ",";
			}
			return json.append("}}}").toString();
		}

		private static String quote(String text) {
			StringBuilder quoted = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				if (c == '"' || c == '\\') {
					quoted.append('\\').append(c);
				}
				else if (c < 0x20 || c > 0x7e) {
					quoted.append(String.format("\\u%04x", (int) c));
				}
				else {
					quoted.append(c);
				}
			}
			return quoted.append('"').toString();
		}

	}

}
