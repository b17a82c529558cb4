package fr.maillage.account;

import java.util.Optional;

import fr.maillage.account.Invitations.Invitation;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The page an invitation link opens: set one's name and password. An expired link offers
 * a new invitation; a used one says so and points to the sign-in page.
 */
@Controller
class InvitationController {

	private final Invitations invitations;

	private final ScopeLabels scopeLabels;

	InvitationController(Invitations invitations, ScopeLabels scopeLabels) {
		this.invitations = invitations;
		this.scopeLabels = scopeLabels;
	}

	/** Every page here posts back to its own link. */
	@ModelAttribute("token")
	String token(@PathVariable String token) {
		return token;
	}

	@GetMapping("/invitation/{token}")
	String show(@PathVariable String token, Model model) {
		Optional<Invitation> invitation = this.invitations.findByToken(token);
		if (invitation.isEmpty() || !isOpen(invitation.get())) {
			return closed(invitation, model);
		}
		AcceptInvitationForm form = new AcceptInvitationForm();
		form.setDisplayName(invitation.get().displayName());
		model.addAttribute("form", form);
		return showForm(invitation.get(), model);
	}

	@PostMapping("/invitation/{token}")
	String accept(@PathVariable String token, @ModelAttribute("form") AcceptInvitationForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Optional<Invitation> invitation = this.invitations.findByToken(token);
		if (invitation.isEmpty() || !isOpen(invitation.get())) {
			return closed(invitation, model);
		}
		if (this.invitations.accountOf(invitation.get().email()).isPresent()) {
			// The address has an account: the invitation only adds a role to it.
			this.invitations.accept(invitation.get(), invitation.get().displayName(), "");
			redirect.addFlashAttribute("roleAdded", true);
			return "redirect:/connexion";
		}
		if (form.getDisplayName() == null || form.getDisplayName().isBlank()) {
			errors.rejectValue("displayName", "invitation.error.name-missing");
		}
		form.check(invitation.get().email(), errors);
		if (errors.hasErrors()) {
			form.clear();
			return showForm(invitation.get(), model);
		}
		try {
			this.invitations.accept(invitation.get(), form.getDisplayName(), form.getPassword());
		}
		catch (IllegalStateException | org.springframework.dao.DataIntegrityViolationException usedMeanwhile) {
			// The same link submitted twice at once: the other submission won.
			return closed(this.invitations.findByToken(token), model);
		}
		redirect.addFlashAttribute("welcome", true);
		return "redirect:/connexion";
	}

	@PostMapping("/invitation/{token}/renouveler")
	String renew(@PathVariable String token, Model model) {
		Optional<Invitation> invitation = this.invitations.findByToken(token);
		if (invitation.isEmpty() || invitation.get().used() || isOpen(invitation.get())
				|| !this.invitations.inviterStillEntitled(invitation.get())) {
			return closed(invitation, model);
		}
		if (invitation.get().claim()) {
			// A claim link is not renewed on demand: the registry's next message brings a
			// fresh one, to the structure's contact address of the day.
			model.addAttribute("state", "claim-expired");
			return "account/invitation-closed";
		}
		this.invitations.renew(invitation.get(),
				ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
		model.addAttribute("state", "renewed");
		return "account/invitation-closed";
	}

	private boolean isOpen(Invitation invitation) {
		return !invitation.used() && !this.invitations.isExpired(invitation)
				&& this.invitations.inviterStillEntitled(invitation);
	}

	private String showForm(Invitation invitation, Model model) {
		model.addAttribute("invitation", invitation);
		model.addAttribute("roleKey", "role." + invitation.assignment().role().name());
		model.addAttribute("scopeLabel", this.scopeLabels.label(invitation.assignment()));
		model.addAttribute("existingAccount", this.invitations.accountOf(invitation.email()).isPresent());
		return "account/invitation";
	}

	private String closed(Optional<Invitation> invitation, Model model) {
		String state = invitation
			.map(i -> i.renewed() ? "replaced"
					: i.used() ? "used" : !this.invitations.inviterStillEntitled(i)
							? (i.claim() ? "claim-void" : "revoked") : i.claim() ? "claim-expired" : "expired")
			.orElse("unknown");
		model.addAttribute("state", state);
		if (state.equals("unknown")) {
			throw new UnknownInvitationException();
		}
		return "account/invitation-closed";
	}

	/** A link that matches no invitation: a 404 page, like any unknown address. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class UnknownInvitationException extends RuntimeException {

		UnknownInvitationException() {
			super("No invitation for this link");
		}

	}

}
