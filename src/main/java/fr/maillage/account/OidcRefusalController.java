package fr.maillage.account;

import fr.maillage.account.OidcFailureHandler.RefusalNote;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Why an OIDC sign-in did not open Maillage, in French. Shown once: the note, and the
 * address in it, leave the session.
 */
@Controller
class OidcRefusalController {

	@GetMapping("/connexion/refus")
	String refusal(HttpSession session, Model model) {
		if (!(session.getAttribute(OidcFailureHandler.REFUSAL) instanceof RefusalNote note)) {
			return "redirect:/connexion";
		}
		session.removeAttribute(OidcFailureHandler.REFUSAL);
		model.addAttribute("reason", note.reason().code());
		model.addAttribute("provider", note.providerLabel());
		model.addAttribute("email", note.email());
		return "account/oidc-refused";
	}

}
