package fr.maillage.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.account.AccessPolicy;
import fr.maillage.questionnaire.Definition;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.web.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review screens: the responses of a campaign to review, one response with its
 * warnings, justifications and comments, the actions on it (comment, return for
 * correction, validate, withdraw a validation), and its history tab.
 */
@Controller
class ReviewController {

	private static final int PAGE = 50;

	/** The list's filters, in French in the query string. */
	private static final Map<String, List<ResponseStatus>> FILTERS = Map.of("a-relire",
			List.of(ResponseStatus.SUBMITTED), "renvoyees", List.of(ResponseStatus.RETURNED), "validees",
			List.of(ResponseStatus.VALIDATED), "en-cours",
			List.of(ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS), "toutes",
			List.of(ResponseStatus.values()));

	private final Reviews reviews;

	private final ReviewRepository repository;

	private final Campaigns campaigns;

	private final AnswerSheet sheets;

	private final AccessPolicy policy;

	private final MessageSource messages;

	private final java.time.Clock clock;

	ReviewController(Reviews reviews, ReviewRepository repository, Campaigns campaigns, AnswerSheet sheets,
			AccessPolicy policy, MessageSource messages, java.time.Clock clock) {
		this.reviews = reviews;
		this.repository = repository;
		this.campaigns = campaigns;
		this.sheets = sheets;
		this.policy = policy;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/revue")
	String list(@RequestParam(name = "annee", required = false) Integer year,
			@RequestParam(name = "statut", defaultValue = "a-relire") String filter,
			@RequestParam(name = "page", defaultValue = "1") int page, Model model) {
		List<Campaign> all = this.campaigns.all()
			.stream()
			.sorted(Comparator.comparingInt(Campaign::dataYear).reversed())
			.toList();
		LocalDate today = LocalDate.now(this.clock.withZone(Deadlines.METROPOLE));
		Campaign campaign = (year != null)
				? all.stream().filter(c -> c.dataYear() == year).findFirst().orElseThrow(() -> notFound())
				: all.stream().filter(c -> !c.opensOn().isAfter(today)).findFirst().orElse(null);
		List<ResponseStatus> statuses = FILTERS.get(filter);
		if (statuses == null || page < 1) {
			throw notFound();
		}
		model.addAttribute("campaigns", all);
		model.addAttribute("campaign", campaign);
		model.addAttribute("filter", filter);
		model.addAttribute("filters", List.of("a-relire", "renvoyees", "validees", "en-cours", "toutes"));
		if (campaign != null) {
			var scope = this.policy.scopeFor(Permission.RETURN_FOR_CORRECTION);
			long total = this.repository.count(campaign.id(), statuses, scope);
			model.addAttribute("total", total);
			model.addAttribute("page", page);
			model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
			model.addAttribute("responses",
					this.repository.list(campaign.id(), statuses, scope, (page - 1) * PAGE, PAGE));
		}
		return "campaign/review-list";
	}

	@GetMapping("/revue/{responseId}")
	String review(@PathVariable long responseId, Model model) {
		return show(this.reviews.open(responseId), model);
	}

	private String show(Reviews.Review review, Model model) {
		model.addAttribute("mayReturn", review.mayReturn());
		model.addAttribute("validatable", review.validatable());
		model.addAttribute("unvalidatable", review.unvalidatable());
		model.addAttribute("sheet", review.sheet());
		model.addAttribute("response", review.sheet().response());
		model.addAttribute("structure", review.sheet().structure());
		model.addAttribute("warnings", AnswerController.shownProblems(review.report().warnings(), this.messages));
		model.addAttribute("blocking", AnswerController.shownProblems(review.report().blocking(), this.messages));
		model.addAttribute("justifications", review.justifications());
		model.addAttribute("comments", review.commentsByCode());
		List<AnswerSheet.SectionPage> pages = new ArrayList<>();
		for (Definition.Section section : review.sheet().sections()) {
			pages.add(this.sheets.section(review.sheet(), section.code(), -1));
		}
		model.addAttribute("pages", pages);
		model.asMap().putIfAbsent("errors", Map.of());
		model.asMap().putIfAbsent("typed", Map.of());
		return "campaign/review";
	}

	@PostMapping("/revue/{responseId}/commentaires")
	String comment(@PathVariable long responseId, @RequestParam(name = "code", required = false) String code,
			@RequestParam(name = "texte", defaultValue = "") String text, Model model, RedirectAttributes redirect) {
		String problem = this.reviews.comment(responseId, code, text);
		String field = "commentaire-" + ((code == null || code.isBlank()) ? "reponse" : code);
		if (problem != null) {
			return refuse(responseId, field, problem, text, model);
		}
		redirect.addFlashAttribute("notice", "review.comment.done");
		return "redirect:/revue/" + responseId + "#" + field;
	}

	@PostMapping("/revue/{responseId}/renvoi")
	String returnForCorrection(@PathVariable long responseId, @RequestParam("version") int version,
			@RequestParam(name = "message", defaultValue = "") String message, Model model,
			RedirectAttributes redirect) {
		String problem = this.reviews.returnForCorrection(responseId, version, message);
		if (problem != null) {
			return refuse(responseId, "message-renvoi", problem, message, model);
		}
		redirect.addFlashAttribute("notice", "review.return.done");
		return "redirect:/revue/" + responseId;
	}

	@PostMapping("/revue/{responseId}/validation")
	String validate(@PathVariable long responseId, @RequestParam("version") int version, RedirectAttributes redirect) {
		String problem = this.reviews.validate(responseId, version);
		redirect.addFlashAttribute("notice", (problem != null) ? problem : "review.validate.done");
		return "redirect:/revue/" + responseId;
	}

	@PostMapping("/revue/{responseId}/devalidation")
	String unvalidate(@PathVariable long responseId, @RequestParam("version") int version,
			@RequestParam(name = "motif", defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		String problem = this.reviews.unvalidate(responseId, version, reason);
		if (problem != null) {
			return refuse(responseId, "motif-devalidation", problem, reason, model);
		}
		redirect.addFlashAttribute("notice", "review.unvalidate.done");
		return "redirect:/revue/" + responseId;
	}

	/** The review page again, the text as typed and the message next to its field. */
	private String refuse(long responseId, String field, String problem, String typed, Model model) {
		model.addAttribute("errors", Map.of(field,
				this.messages.getMessage(problem, new Object[] { Reviews.TEXT_MAX }, problem, Locale.FRENCH)));
		model.addAttribute("typed", Map.of(field, typed));
		return show(this.reviews.open(responseId), model);
	}

	@GetMapping("/revue/{responseId}/historique")
	String history(@PathVariable long responseId, Model model) {
		Reviews.History history = this.reviews.history(responseId);
		List<HistoryEntry> entries = new ArrayList<>();
		for (ReviewRepository.Step step : history.steps()) {
			entries.add(new HistoryEntry(LocalDateTime.ofInstant(step.at(), Deadlines.METROPOLE), step.actor(),
					"response.status." + step.from().name(), "response.status." + step.to().name(), step.message(),
					null, null));
		}
		for (ReviewRepository.Comment comment : history.comments()) {
			String label = (comment.code() == null) ? null
					: history.sheet()
						.definition()
						.question(comment.code())
						.map(Definition.Question::label)
						.orElse(comment.code());
			entries.add(new HistoryEntry(LocalDateTime.ofInstant(comment.createdAt(), Deadlines.METROPOLE),
					comment.author(), null, null, comment.body(), (comment.code() != null) ? comment.code() : "",
					label));
		}
		// In time order; at the same minute a comment comes first (a reviewer comments,
		// then returns), and steps keep their own order.
		entries.sort(Comparator.comparing(HistoryEntry::at).thenComparing(entry -> !entry.comment()));
		model.addAttribute("sheet", history.sheet());
		model.addAttribute("response", history.sheet().response());
		model.addAttribute("structure", history.sheet().structure());
		model.addAttribute("entries", entries);
		return "campaign/review-history";
	}

	/**
	 * One line of the history tab: a transition (from, to: message keys) or a comment
	 * (code: "" for the whole response, label: its question).
	 */
	public record HistoryEntry(LocalDateTime at, String who, String from, String to, String text, String code,
			String label) {

		public boolean comment() {
			return this.code != null;
		}

	}

	private static NotFoundException notFound() {
		return new NotFoundException("review.not-found");
	}

}
