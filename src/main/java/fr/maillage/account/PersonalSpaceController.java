package fr.maillage.account;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Mon espace": where everyone lands after signing in, with what each of their roles lets
 * them do here.
 */
@Controller
class PersonalSpaceController {

	@GetMapping("/espace")
	String personalSpace(@AuthenticationPrincipal AccountPrincipal user, Model model) {
		List<Role> roles = user.roles().stream().sorted(Comparator.naturalOrder()).toList();
		model.addAttribute("user", user);
		model.addAttribute("roles", roles);
		return "account/space";
	}

}
