package fr.maillage.account;

import java.util.List;

import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Mon espace": where everyone lands after signing in, with what they still have to do
 * ({@link PersonalToDo}), each of their roles, where they hold it, and what it lets them
 * do here.
 */
@Controller
class PersonalSpaceController {

	private final ScopeLabels scopeLabels;

	private final ObjectProvider<PersonalToDo> toDo;

	PersonalSpaceController(ScopeLabels scopeLabels, ObjectProvider<PersonalToDo> toDo) {
		this.scopeLabels = scopeLabels;
		this.toDo = toDo;
	}

	@GetMapping("/espace")
	String personalSpace(@AuthenticationPrincipal AccountPrincipal user, Model model) {
		List<HeldRole> roles = user.assignments()
			.stream()
			.map(assignment -> new HeldRole(assignment.role(), this.scopeLabels.label(assignment)))
			.toList();
		model.addAttribute("user", user);
		model.addAttribute("heldRoles", roles);
		model.addAttribute("toDo", this.toDo.orderedStream().flatMap(source -> source.items().stream()).toList());
		model.addAttribute("mayAnswer", !AccessPolicy.scopeFor(user, Permission.ANSWER_QUESTIONNAIRE).isEmpty());
		// Reviewing and tracking a campaign: those who follow responses of a territory.
		boolean follows = !AccessPolicy.scopeFor(user, Permission.RETURN_FOR_CORRECTION).isEmpty();
		model.addAttribute("mayReview", follows);
		model.addAttribute("mayTrack", follows);
		model.addAttribute("mayManageUsers", !AccessPolicy.scopeFor(user, Permission.MANAGE_USERS).isEmpty());
		model.addAttribute("mayConfirmErasure", !AccessPolicy.scopeFor(user, Permission.CONFIRM_ERASURE).isEmpty());
		model.addAttribute("journalAllowed", !AccessPolicy.scopeFor(user, Permission.READ_AUDIT).isEmpty());
		return "account/space";
	}

	record HeldRole(Role role, String scopeLabel) {
	}

}
