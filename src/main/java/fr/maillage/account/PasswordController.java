package fr.maillage.account;

import java.util.Map;

import fr.maillage.account.PasswordResets.Reset;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditTrail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Forgotten password, reset link, and changing one's password while signed in. */
@Controller
class PasswordController {

	private final PasswordResets resets;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Sessions sessions;

	PasswordController(PasswordResets resets, JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditTrail audit,
			Sessions sessions) {
		this.resets = resets;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.sessions = sessions;
	}

	@GetMapping("/mot-de-passe-oublie")
	String forgotten() {
		return "account/password-forgotten";
	}

	@PostMapping("/mot-de-passe-oublie")
	String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
		if (Emails.isPlausible(Emails.normalize(email))) {
			this.resets.request(email, ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
		}
		// The same answer whether or not the address has an account.
		model.addAttribute("sent", true);
		return "account/password-forgotten";
	}

	@GetMapping("/mot-de-passe/{token}")
	String resetForm(@PathVariable String token, Model model) {
		if (this.resets.findOpen(token).isEmpty()) {
			return "account/password-link-closed";
		}
		model.addAttribute("form", new PasswordForm());
		model.addAttribute("token", token);
		return "account/password-reset";
	}

	@PostMapping("/mot-de-passe/{token}")
	String reset(@PathVariable String token, @ModelAttribute("form") PasswordForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Reset reset = this.resets.findOpen(token).orElse(null);
		if (reset == null) {
			return "account/password-link-closed";
		}
		form.check(reset.email(), errors);
		if (errors.hasErrors()) {
			form.clear();
			model.addAttribute("token", token);
			return "account/password-reset";
		}
		try {
			this.resets.complete(reset, form.getPassword());
		}
		catch (IllegalStateException usedMeanwhile) {
			// The same link submitted twice at once: the other submission won.
			return "account/password-link-closed";
		}
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/connexion";
	}

	@GetMapping("/compte/mot-de-passe")
	String changeForm(Model model) {
		model.addAttribute("form", new PasswordForm());
		return "account/password-change";
	}

	@PostMapping("/compte/mot-de-passe")
	@Transactional
	String change(@AuthenticationPrincipal AccountPrincipal user, @ModelAttribute("form") PasswordForm form,
			BindingResult errors, jakarta.servlet.http.HttpSession session, RedirectAttributes redirect) {
		String hash = this.jdbc.sql("select password_hash from app_user where id = ?")
			.param(user.id())
			.query(String.class)
			.single();
		if (hash == null || !this.passwordEncoder.matches(form.getCurrent(), hash)) {
			errors.rejectValue("current", "password.error.current");
		}
		form.check(user.getUsername(), errors);
		if (errors.hasErrors()) {
			form.clear();
			return "account/password-change";
		}
		this.jdbc.sql("update app_user set password_hash = ? where id = ?")
			.params(this.passwordEncoder.encode(form.getPassword()), user.id())
			.update();
		this.sessions.endAllBut(user.getUsername(), session.getId());
		this.audit.record(AuditEvent.onAccount("password.changed", user.id(), user.id(), Map.of()));
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/compte";
	}

}
