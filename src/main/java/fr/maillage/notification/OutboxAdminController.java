package fr.maillage.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import fr.maillage.shared.web.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Courriels": what the application sent, is sending or could not send, for the national
 * administration (who else would be asked "did the invitation leave?").
 */
@Controller
@RequestMapping("/admin/courriels")
class OutboxAdminController {

	static final int PAGE_SIZE = 50;

	/**
	 * The HTML version is shown as its own document, under a policy that lets its inline
	 * styles work and nothing else: no script, no request to any server, no form, no
	 * framing ({@code sandbox} also gives it an origin of its own).
	 */
	static final String HTML_VERSION_POLICY = String.join("; ", "default-src 'none'", "style-src 'unsafe-inline'",
			"img-src data:", "sandbox", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'");

	private final OutboxRepository outbox;

	private final FrenchDates dates;

	OutboxAdminController(OutboxRepository outbox, Clock clock) {
		this.outbox = outbox;
		this.dates = new FrenchDates(clock);
	}

	@GetMapping
	String list(@RequestParam(name = "statut", required = false) EmailStatus status,
			@RequestParam(name = "page", defaultValue = "1") int page, Model model) {
		long total = this.outbox.count(status);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.clamp(page, 1, pages);
		model.addAttribute("emails", this.outbox.page(status, (current - 1) * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("status", status);
		model.addAttribute("statuses", List.of(EmailStatus.values()));
		model.addAttribute("total", total);
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("dates", this.dates);
		return "notification/outbox";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("email", find(id));
		model.addAttribute("dates", this.dates);
		return "notification/email";
	}

	@GetMapping("/{id}/html")
	ResponseEntity<String> htmlVersion(@PathVariable long id) {
		// Our policy header is set first, so Spring Security leaves it as it is.
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", HTML_VERSION_POLICY)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.body(find(id).bodyHtml());
	}

	private StoredEmail find(long id) {
		return this.outbox.find(id).orElseThrow(() -> new NotFoundException("outbox.email.unknown", id));
	}

}
