package fr.maillage.account;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: a button per OIDC provider, if any, and the password form (which
 * posts to Spring Security's filter).
 */
@Controller
class LoginController {

	private final OidcProviders providers;

	LoginController(OidcProviders providers) {
		this.providers = providers;
	}

	/** A "Se connecter avec …" button. */
	record OidcButton(String path, String label) {
	}

	@GetMapping("/connexion")
	String loginPage(@RequestParam(required = false) String erreur, @RequestParam(required = false) Integer attente,
			HttpSession session, Model model) {
		Object lastEmail = session.getAttribute(LoginFailureHandler.LAST_EMAIL);
		session.removeAttribute(LoginFailureHandler.LAST_EMAIL);
		model.addAttribute("email", (lastEmail != null) ? lastEmail : "");
		model.addAttribute("badCredentials", erreur != null);
		model.addAttribute("waitMinutes", (attente != null && attente > 0) ? attente : null);
		model.addAttribute("oidcButtons",
				this.providers.all().stream().map(p -> new OidcButton(p.signInPath(), p.label())).toList());
		return "account/login";
	}

}
