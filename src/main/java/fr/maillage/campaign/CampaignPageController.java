package fr.maillage.campaign;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One campaign for the national administration: its target (counts by kind and by
 * département, the list, a CSV download) and the button that opens it. Route access
 * limits it to national administrators; {@link CampaignLifecycle} checks again.
 */
@Controller
class CampaignPageController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

	private final CampaignLifecycle lifecycle;

	private final MessageSource messages;

	private final Campaigns campaigns;

	CampaignPageController(CampaignLifecycle lifecycle, MessageSource messages, Campaigns campaigns) {
		this.lifecycle = lifecycle;
		this.messages = messages;
		this.campaigns = campaigns;
	}

	@GetMapping("/admin/campagnes/{campaignId}")
	String campaign(@PathVariable long campaignId, Model model) {
		CampaignLifecycle.Target target = this.lifecycle.target(campaignId);
		model.addAttribute("target", target);
		model.addAttribute("campaign", target.campaign());
		model.addAttribute("opensOnText", Deadlines.text(target.campaign().opensOn()));
		model.addAttribute("closesOnText", Deadlines.text(target.campaign().closesOn()));
		model.addAttribute("openedAtText",
				target.campaign().opened()
						? Deadlines
							.text(java.time.LocalDate.ofInstant(target.campaign().openedAt(), Deadlines.METROPOLE))
						: null);
		model.asMap()
			.putIfAbsent("reminderDaysText",
					String.join(", ", this.campaigns.reminderDays(campaignId).stream().map(String::valueOf).toList()));
		return "campaign/campaign";
	}

	/** The days before each deadline at which the daily job reminds late structures. */
	@PostMapping("/admin/campagnes/{campaignId}/relances")
	String reminderDays(@PathVariable long campaignId, @RequestParam(name = "jours", defaultValue = "") String days,
			Model model, RedirectAttributes redirect) {
		String problem = this.campaigns.setReminderDays(campaignId, days);
		if (problem != null) {
			model.addAttribute("reminderDaysText", days);
			model.addAttribute("reminderDaysError", this.messages.getMessage(problem,
					new Object[] { Campaigns.MAX_REMINDERS, Campaigns.MAX_REMINDER_DAY }, Locale.FRENCH));
			return campaign(campaignId, model);
		}
		redirect.addFlashAttribute("notice", "lifecycle.reminders.done");
		return "redirect:/admin/campagnes/" + campaignId;
	}

	@PostMapping("/admin/campagnes/{campaignId}/ouverture")
	String open(@PathVariable long campaignId, RedirectAttributes redirect) {
		CampaignLifecycle.Opening opening = this.lifecycle.open(campaignId);
		if (opening.refused()) {
			redirect.addFlashAttribute("problem", "lifecycle.open.already");
		}
		else {
			redirect.addFlashAttribute("opening", opening);
		}
		return "redirect:/admin/campagnes/" + campaignId;
	}

	/**
	 * The target as a spreadsheet: UTF-8 with a byte order mark and {@code ;} between
	 * fields, as French spreadsheet software opens it without asking.
	 */
	@GetMapping("/admin/campagnes/{campaignId}/cible.csv")
	void csv(@PathVariable long campaignId, HttpServletResponse response) throws IOException {
		CampaignLifecycle.Target target = this.lifecycle.target(campaignId);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition",
				"attachment; filename=\"cible-campagne-" + target.campaign().dataYear() + ".csv\"");
		Writer out = response.getWriter();
		out.write('\uFEFF');
		out.write(String.join(";", text("lifecycle.csv.id"), text("lifecycle.csv.name"), text("lifecycle.csv.kind"),
				text("lifecycle.csv.departement"), text("lifecycle.csv.commune"), text("lifecycle.csv.starts"),
				text("lifecycle.csv.ends"), text("lifecycle.csv.contact")));
		out.write("\r\n");
		for (CampaignLifecycle.TargetLine line : target.lines()) {
			var s = line.structure();
			out.write(String.join(";", Long.toString(s.id()), cell(s.name()), s.kind().name(), s.departementCode(),
					cell(s.communeName()), DAY.format(s.approvalStartsOn()), DAY.format(s.approvalEndsOn()),
					cell(text("lifecycle.reach." + line.reach()))));
			out.write("\r\n");
		}
		out.flush();
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.FRENCH);
	}

	/**
	 * A CSV cell: quoted when it holds a separator, a quote or a line break; never read
	 * as a formula.
	 */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		// A spreadsheet would run a cell starting like a formula.
		if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
			value = "'" + value;
		}
		if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
