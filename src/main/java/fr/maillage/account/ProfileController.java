package fr.maillage.account;

import java.util.Map;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditTrail;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mon compte": one's name, password, second factor and personal data; erasure requests.
 */
@Controller
class ProfileController {

	static final int MAX_NAME = 120;

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final AuditTrail audit;

	ProfileController(JdbcClient jdbc, PersonalData personalData, AuditTrail audit) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.audit = audit;
	}

	@GetMapping("/compte")
	String profile(@AuthenticationPrincipal AccountPrincipal user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("erasureRequested", this.personalData.erasureRequested(user.id()));
		return "account/profile";
	}

	@PostMapping("/compte")
	@Transactional
	String rename(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(defaultValue = "") String displayName,
			Model model, RedirectAttributes redirect) {
		String name = displayName.strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			model.addAttribute("nameError", name.isEmpty() ? "profile.error.name-missing" : "profile.error.name-long");
			model.addAttribute("typedName", displayName);
			return profile(user, model);
		}
		this.jdbc.sql("update app_user set display_name = ? where id = ?").params(name, user.id()).update();
		// The trail says that the name changed, not the names: they live in the user
		// table only.
		this.audit.record(AuditEvent.onAccount("profile.renamed", user.id(), user.id(), Map.of()));
		redirect.addFlashAttribute("notice", "profile.saved");
		return "redirect:/compte";
	}

	@GetMapping(path = "/compte/donnees", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> download(@AuthenticationPrincipal AccountPrincipal user) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"maillage-mes-donnees.json\"")
			.body(this.personalData.export(user));
	}

	@PostMapping("/compte/effacement")
	String requestErasure(@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
		this.personalData.requestErasure(user);
		redirect.addFlashAttribute("notice", "profile.erasure-requested");
		return "redirect:/compte";
	}

	@GetMapping("/admin/effacements")
	String erasureRequests(Model model) {
		model.addAttribute("requests", this.personalData.openRequests());
		return "account/erasure-requests";
	}

	@PostMapping("/admin/effacements/{id}/confirmer")
	String confirmErasure(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
			RedirectAttributes redirect) {
		this.personalData.confirmErasure(id, admin);
		redirect.addFlashAttribute("notice", "erasure.confirmed");
		return "redirect:/admin/effacements";
	}

}
