package fr.maillage.campaign;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Suivi de la campagne": the rates by territory, the late structures of a département
 * with their reminders, and the answers as a file. {@code annee} chooses the campaign by
 * data year (default: the current one).
 */
@Controller
class TrackingController {

	private final Tracking tracking;

	private final Reminders reminders;

	private final AnswerExports exports;

	TrackingController(Tracking tracking, Reminders reminders, AnswerExports exports) {
		this.tracking = tracking;
		this.reminders = reminders;
		this.exports = exports;
	}

	@GetMapping("/suivi")
	String rates(@RequestParam(name = "annee", required = false) Integer year, Model model) {
		model.addAttribute("rates", this.tracking.rates(year));
		return "campaign/tracking";
	}

	@GetMapping("/suivi/departements/{code}")
	String late(@PathVariable String code, @RequestParam(name = "annee", required = false) Integer year, Model model) {
		model.addAttribute("late", this.tracking.late(code, year));
		return "campaign/tracking-late";
	}

	@PostMapping("/suivi/departements/{code}/relances")
	String remindLate(@PathVariable String code, @RequestParam(name = "annee", required = false) Integer year,
			RedirectAttributes redirect) {
		Reminders.Tally tally = this.reminders.remindLate(code, year);
		redirect.addFlashAttribute("remindedSent", tally.of(Reminders.Outcome.SENT));
		redirect.addFlashAttribute("remindedAlready", tally.of(Reminders.Outcome.ALREADY_TODAY));
		redirect.addFlashAttribute("remindedWithout", tally.of(Reminders.Outcome.NO_RECIPIENT));
		return "redirect:" + latePath(code, this.tracking.campaign(year).dataYear());
	}

	@PostMapping("/suivi/reponses/{responseId}/relance")
	String remindOne(@PathVariable long responseId, RedirectAttributes redirect) {
		Reminders.Reminded reminded = this.reminders.remindOne(responseId);
		redirect.addFlashAttribute("reminded", reminded.outcome().name());
		redirect.addFlashAttribute("remindedName", reminded.structureName());
		return "redirect:" + latePath(reminded.departementCode(), reminded.dataYear());
	}

	/**
	 * The answers as a file: {@code format} long (one line per answer) or large (one line
	 * per structure), {@code type} csv or xlsx.
	 */
	@GetMapping("/suivi/export")
	void export(@RequestParam(name = "annee", required = false) Integer year,
			@RequestParam(name = "format", defaultValue = "long") String format,
			@RequestParam(name = "type", defaultValue = "csv") String type, HttpServletResponse response)
			throws IOException {
		AnswerExports.Layout layout = switch (format) {
			case "long" -> AnswerExports.Layout.LONG;
			case "large" -> AnswerExports.Layout.WIDE;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: long or large");
		};
		AnswerExports.Type fileType = switch (type) {
			case "csv" -> AnswerExports.Type.CSV;
			case "xlsx" -> AnswerExports.Type.XLSX;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "type: csv or xlsx");
		};
		var scope = this.tracking.territory();
		Campaign campaign = this.tracking.campaign(year);
		String extension = fileType.name().toLowerCase(Locale.ROOT);
		response.setContentType((fileType == AnswerExports.Type.CSV) ? "text/csv;charset=UTF-8"
				: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("reponses-" + campaign.dataYear() + "-" + format + "." + extension)
					.build()
					.toString());
		this.exports.write(campaign, scope, layout, fileType, response.getOutputStream());
	}

	private static String latePath(String code, int year) {
		return UriComponentsBuilder.fromPath("/suivi/departements/{code}")
			.queryParam("annee", year)
			.buildAndExpand(code)
			.encode()
			.toUriString();
	}

}
