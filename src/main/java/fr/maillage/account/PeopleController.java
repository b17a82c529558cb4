package fr.maillage.account;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import fr.maillage.account.BulkInvitations.Result;
import fr.maillage.account.PeopleManagement.LastNationalAdminException;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Managing people within one's scope: list, invite one or many, remove a role,
 * deactivate. Who may do what is the permissions table, applied by {@link AccessPolicy}.
 */
@Controller
class PeopleController {

	private final PeopleRepository people;

	private final PeopleManagement management;

	private final Invitations invitations;

	private final BulkInvitations bulk;

	private final InviteOptions inviteOptions;

	private final AccessPolicy policy;

	private final ScopeLabels scopeLabels;

	PeopleController(PeopleRepository people, PeopleManagement management, Invitations invitations,
			BulkInvitations bulk, InviteOptions inviteOptions, AccessPolicy policy, ScopeLabels scopeLabels) {
		this.people = people;
		this.management = management;
		this.invitations = invitations;
		this.bulk = bulk;
		this.inviteOptions = inviteOptions;
		this.policy = policy;
		this.scopeLabels = scopeLabels;
	}

	@GetMapping("/personnes")
	String list(@RequestParam(defaultValue = "") String recherche, @RequestParam(defaultValue = "0") int page,
			Model model) {
		List<PeopleRepository.Person> found = this.people.findAll(this.policy.scopeFor(Permission.MANAGE_USERS),
				this.policy.grantableRoles(), recherche, page);
		model.addAttribute("people", found.stream().limit(PeopleRepository.PAGE_SIZE).toList());
		model.addAttribute("hasNext", found.size() > PeopleRepository.PAGE_SIZE);
		model.addAttribute("page", Math.clamp(page, 0, PeopleRepository.MAX_PAGE));
		model.addAttribute("search", recherche);
		return "account/people";
	}

	@GetMapping("/personnes/{id}")
	String person(@PathVariable long id, Model model) {
		model.addAttribute("person", this.management.visiblePerson(id));
		model.addAttribute("assignments",
				this.management.assignmentsOf(id)
					.stream()
					.map(a -> new ShownAssignment(a, this.scopeLabels.label(a), this.policy.mayGrant(a)))
					.toList());
		return "account/person";
	}

	@PostMapping("/personnes/{id}/roles/{assignmentId}/retirer")
	String removeRole(@PathVariable long id, @PathVariable long assignmentId, RedirectAttributes redirect) {
		try {
			this.management.removeAssignment(id, assignmentId);
			redirect.addFlashAttribute("notice", "people.role-removed");
		}
		catch (LastNationalAdminException ex) {
			redirect.addFlashAttribute("problem", "people.error.last-admin");
		}
		return "redirect:/personnes/" + id;
	}

	@PostMapping("/personnes/{id}/desactiver")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		this.management.setEnabled(id, false);
		redirect.addFlashAttribute("notice", "people.deactivated");
		return "redirect:/personnes/" + id;
	}

	@PostMapping("/personnes/{id}/reactiver")
	String reactivate(@PathVariable long id, RedirectAttributes redirect) {
		this.management.setEnabled(id, true);
		redirect.addFlashAttribute("notice", "people.reactivated");
		return "redirect:/personnes/" + id;
	}

	@GetMapping("/personnes/inviter")
	String inviteForm(@AuthenticationPrincipal AccountPrincipal manager,
			@RequestParam(required = false) String departement, Model model) {
		model.addAttribute("form", InviteForm.empty());
		return showInviteForm(manager, departement, model);
	}

	@PostMapping("/personnes/inviter")
	String invite(@AuthenticationPrincipal AccountPrincipal manager, @ModelAttribute("form") InviteForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		InviteOptions.Options options = this.inviteOptions.forManager(manager, null);
		Optional<RoleAssignment> assignment = validate(form, options, errors);
		if (errors.hasErrors() || assignment.isEmpty()) {
			return showInviteForm(manager, null, model);
		}
		Invitations.Outcome outcome = this.invitations.invite(form.getEmail(), form.getDisplayName(), assignment.get(),
				baseUrl());
		redirect.addFlashAttribute("notice", "people.invite.outcome." + outcome.name());
		redirect.addFlashAttribute("noticeArgument", Emails.normalize(form.getEmail()));
		return "redirect:/personnes";
	}

	@GetMapping("/personnes/inviter-en-masse")
	String bulkForm() {
		return "account/bulk-invite";
	}

	@PostMapping("/personnes/inviter-en-masse")
	String bulkPreview(@RequestParam(required = false) MultipartFile fichier,
			@RequestParam(required = false) String contenu, Model model) throws IOException {
		if (fichier != null && fichier.getSize() > BulkInvitations.MAX_BYTES) {
			model.addAttribute("uploadError", "people.bulk.error.too-large");
			return "account/bulk-invite";
		}
		String text = (fichier != null && !fichier.isEmpty()) ? BulkInvitations.decode(fichier.getBytes())
				: (contenu != null) ? contenu : "";
		Result result = this.bulk.parse(text);
		model.addAttribute("result", result);
		model.addAttribute("content", text);
		// A file of a thousand lines names a handful of scopes: look each one up once.
		java.util.Map<RoleAssignment, String> labels = new java.util.HashMap<>();
		model.addAttribute("labels",
				result.lines()
					.stream()
					.map(line -> labels.computeIfAbsent(line.assignment(), this.scopeLabels::label))
					.toList());
		return "account/bulk-invite";
	}

	@PostMapping("/personnes/inviter-en-masse/envoyer")
	String bulkSend(@RequestParam String contenu, Model model, RedirectAttributes redirect) throws IOException {
		Result result = this.bulk.parse(contenu);
		if (!result.clean()) {
			// The file changed between preview and sending: show the preview again.
			return bulkPreview(null, contenu, model);
		}
		List<Invitations.Outcome> outcomes = this.invitations.inviteAll(result.lines(), baseUrl());
		redirect.addFlashAttribute("notice", "people.bulk.sent");
		redirect.addFlashAttribute("noticeArgument", Integer.toString(outcomes.size()));
		return "redirect:/personnes";
	}

	private String showInviteForm(AccountPrincipal manager, String departement, Model model) {
		model.addAttribute("options", this.inviteOptions.forManager(manager, departement));
		model.addAttribute("departementFilter", departement);
		return "account/invite";
	}

	/**
	 * Field errors for what a person may get wrong; 403 for what the page never offered
	 * (a role or scope outside the manager's rights), and nothing is stored.
	 */
	private Optional<RoleAssignment> validate(InviteForm form, InviteOptions.Options options, BindingResult errors) {
		String email = Emails.normalize(form.getEmail());
		if (email.isEmpty()) {
			errors.rejectValue("email", "people.invite.error.email-missing");
		}
		else if (!Emails.isPlausible(email)) {
			errors.rejectValue("email", "people.invite.error.email-invalid");
		}
		else if (this.policy.currentUser().map(me -> Emails.normalize(me.getUsername()).equals(email)).orElse(false)) {
			errors.rejectValue("email", "people.invite.error.self");
		}
		if (form.getDisplayName() == null || form.getDisplayName().isBlank()) {
			errors.rejectValue("displayName", "people.invite.error.name-missing");
		}
		if (form.getRole() == null || form.getRole().isBlank()) {
			errors.rejectValue("role", "people.invite.error.role-missing");
			return Optional.empty();
		}
		if (form.getScope() == null || form.getScope().isBlank()) {
			errors.rejectValue("scope", "people.invite.error.scope-missing");
			return Optional.empty();
		}
		Role role;
		try {
			role = Role.valueOf(form.getRole());
		}
		catch (IllegalArgumentException ex) {
			throw new AccessDeniedException("Forged role " + form.getRole());
		}
		ScopeRef scope = ScopeRef.parse(form.getScope())
			.orElseThrow(() -> new AccessDeniedException("Forged scope " + form.getScope()));
		if (!options.roles().contains(role)) {
			throw new AccessDeniedException("Role not offered: " + role);
		}
		if (!role.scopeKinds().contains(scope.kind())) {
			errors.rejectValue("scope", "people.invite.error.role-scope");
			return Optional.empty();
		}
		RoleAssignment assignment = new RoleAssignment(0, role, scope.kind(), scope.code());
		if (!this.policy.mayGrant(assignment)) {
			throw new AccessDeniedException("Scope not grantable: " + scope);
		}
		return Optional.of(assignment);
	}

	private static String baseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	record ShownAssignment(RoleAssignment assignment, String scopeLabel, boolean removable) {
	}

}
