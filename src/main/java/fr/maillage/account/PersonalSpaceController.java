package fr.maillage.account;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Mon espace": where everyone lands after signing in, with what each of their roles lets
 * them do here.
 */
@Controller
class PersonalSpaceController {

	/** The audit module's page; linked only for those its access rule lets in. */
	static final String JOURNAL = "/journal";

	private final WebInvocationPrivilegeEvaluator privileges;

	PersonalSpaceController(WebInvocationPrivilegeEvaluator privileges) {
		this.privileges = privileges;
	}

	@GetMapping("/espace")
	String personalSpace(@AuthenticationPrincipal AccountPrincipal user, Authentication authentication,
			HttpServletRequest request, Model model) {
		List<Role> roles = user.roles().stream().sorted(Comparator.naturalOrder()).toList();
		model.addAttribute("user", user);
		model.addAttribute("roles", roles);
		// Asks the route rules themselves, so the link and the rule cannot disagree.
		model.addAttribute("journalAllowed",
				this.privileges.isAllowed(request.getContextPath(), JOURNAL, "GET", authentication));
		return "account/space";
	}

}
