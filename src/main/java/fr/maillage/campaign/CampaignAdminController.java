package fr.maillage.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.questionnaire.Questionnaires;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The national administration's campaigns: the list, and a form to create one (data year,
 * opening and closing dates, published questionnaire version). Route access limits it to
 * national administrators; {@link Campaigns#create} checks again.
 */
@Controller
class CampaignAdminController {

	private final Campaigns campaigns;

	private final Questionnaires questionnaires;

	private final MessageSource messages;

	CampaignAdminController(Campaigns campaigns, Questionnaires questionnaires, MessageSource messages) {
		this.campaigns = campaigns;
		this.questionnaires = questionnaires;
		this.messages = messages;
	}

	/** The creation form as typed: text, so that a malformed date is shown back. */
	public record Form(String dataYear, String opensOn, String closesOn, String questionnaireVersionId) {
	}

	@GetMapping("/admin/campagnes")
	String list(Model model) {
		return show(new Form("", "", "", ""), List.of(), model);
	}

	private String show(Form form, List<Campaigns.Problem> problems, Model model) {
		model.addAttribute("campaigns", this.campaigns.all());
		model.addAttribute("questionnaires", this.questionnaires.published());
		model.addAttribute("form", form);
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		for (Campaigns.Problem problem : problems) {
			errors.putIfAbsent(problem.field(),
					this.messages.getMessage(problem.key(), problem.arguments().toArray(), java.util.Locale.FRENCH));
		}
		model.addAttribute("errors", errors);
		return "campaign/admin";
	}

	@PostMapping("/admin/campagnes")
	String create(@RequestParam(name = "dataYear", defaultValue = "") String dataYear,
			@RequestParam(name = "opensOn", defaultValue = "") String opensOn,
			@RequestParam(name = "closesOn", defaultValue = "") String closesOn,
			@RequestParam(name = "questionnaireVersionId", defaultValue = "") String questionnaireVersionId,
			Model model, RedirectAttributes redirect) {
		Form form = new Form(dataYear, opensOn, closesOn, questionnaireVersionId);
		List<Campaigns.Problem> problems = new ArrayList<>();
		Integer year = parse(dataYear, "dataYear", Integer::valueOf, problems);
		LocalDate opens = parse(opensOn, "opensOn", LocalDate::parse, problems);
		LocalDate closes = parse(closesOn, "closesOn", LocalDate::parse, problems);
		Long version = parse(questionnaireVersionId, "questionnaireVersionId", Long::valueOf, problems);
		if (problems.isEmpty()) {
			Campaigns.Created created = this.campaigns.create(new CampaignCommand(year, opens, closes, version));
			if (created.ok()) {
				redirect.addFlashAttribute("notice", "campaign.created");
				redirect.addFlashAttribute("noticeArgument", year);
				return "redirect:/admin/campagnes";
			}
			problems.addAll(created.problems());
		}
		return show(form, problems, model);
	}

	private static <T> T parse(String text, String field, java.util.function.Function<String, T> parser,
			List<Campaigns.Problem> problems) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return parser.apply(text.strip());
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			problems.add(new Campaigns.Problem(field, "campaign.error.malformed", List.of()));
			return null;
		}
	}

}
