package fr.maillage.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import fr.maillage.account.SignInSuccessHandler.PendingSignIn;
import fr.maillage.shared.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor: the code step of signing in, and setting it up in one's account.
 */
@Controller
class SecondFactorController {

	static final String NEW_SECRET = SecondFactorController.class.getName() + ".secret";

	private final SecondFactor secondFactor;

	private final AccountUserDetailsService accounts;

	private final LoginThrottle throttle;

	private final SignInSuccessHandler signIns;

	private final java.time.Clock clock;

	SecondFactorController(SecondFactor secondFactor, AccountUserDetailsService accounts, LoginThrottle throttle,
			SignInSuccessHandler signIns, java.time.Clock clock) {
		this.secondFactor = secondFactor;
		this.accounts = accounts;
		this.throttle = throttle;
		this.signIns = signIns;
		this.clock = clock;
	}

	@GetMapping("/connexion/code")
	String codeForm(HttpSession session) {
		return (session.getAttribute(SignInSuccessHandler.PENDING) != null) ? "account/second-factor"
				: "redirect:/connexion";
	}

	@PostMapping("/connexion/code")
	String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		HttpSession session = request.getSession();
		if (!(session.getAttribute(SignInSuccessHandler.PENDING) instanceof PendingSignIn pending)) {
			return "redirect:/connexion";
		}
		if (!pending.usable(this.clock)) {
			// Too slow or too many wrong codes: start again from the password.
			session.removeAttribute(SignInSuccessHandler.PENDING);
			return "redirect:/connexion?erreur";
		}
		Optional<Duration> wait = this.throttle.refusal(pending.email(), request.getRemoteAddr());
		if (wait.isPresent()) {
			model.addAttribute("waitMinutes", Math.max(1, (wait.get().toSeconds() + 59) / 60));
			return "account/second-factor";
		}
		if (!this.secondFactor.verify(pending.userId(), code)) {
			this.throttle.recordFailure(pending.email(), request.getRemoteAddr());
			this.secondFactor.recordOutcome(pending.userId(), false);
			session.setAttribute(SignInSuccessHandler.PENDING, pending.withWrongCode());
			model.addAttribute("wrongCode", true);
			return "account/second-factor";
		}
		this.throttle.recordSuccess(pending.email());
		this.secondFactor.recordOutcome(pending.userId(), true);
		AccountPrincipal user = this.accounts.loadById(pending.userId())
			.filter(AccountPrincipal::isEnabled)
			.orElse(null);
		session.removeAttribute(SignInSuccessHandler.PENDING);
		if (user == null) {
			return "redirect:/connexion?erreur";
		}
		// Fully signed in only now: a new session id, as at any sign-in.
		request.changeSessionId();
		this.signIns.signIn(user,
				(pending.oidc() != null) ? pending.oidc() : new WebAuthenticationDetailsSource().buildDetails(request),
				request, response);
		return "redirect:/espace";
	}

	@GetMapping(SecondFactorEnrolmentFilter.ENROLMENT)
	String settings(@AuthenticationPrincipal AccountPrincipal user, HttpSession session, Model model) {
		if (user.secondFactorEnabled()) {
			model.addAttribute("remaining", this.secondFactor.remainingRecoveryCodes(user.id()));
			model.addAttribute("mayDisable", !user.roles().contains(Role.NATIONAL_ADMIN));
			return "account/second-factor-settings";
		}
		String secret = (session.getAttribute(NEW_SECRET) instanceof String pendingSecret) ? pendingSecret
				: Totp.newSecret();
		session.setAttribute(NEW_SECRET, secret);
		model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
		model.addAttribute("otpauth", Totp.otpauthUri(secret, user.getUsername()));
		model.addAttribute("mustEnrol", user.mustEnrolSecondFactor());
		return "account/second-factor-setup";
	}

	@PostMapping(SecondFactorEnrolmentFilter.ENROLMENT)
	String enable(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(defaultValue = "") String code,
			HttpSession session, Model model) {
		if (user.secondFactorEnabled() || !(session.getAttribute(NEW_SECRET) instanceof String secret)) {
			return "redirect:" + SecondFactorEnrolmentFilter.ENROLMENT;
		}
		List<String> recoveryCodes = this.secondFactor.enable(user.id(), secret, code);
		if (recoveryCodes.isEmpty()) {
			model.addAttribute("wrongCode", true);
			return settings(user, session, model);
		}
		session.removeAttribute(NEW_SECRET);
		model.addAttribute("recoveryCodes", recoveryCodes);
		return "account/recovery-codes";
	}

	@PostMapping(SecondFactorEnrolmentFilter.ENROLMENT + "/codes-de-secours")
	String newRecoveryCodes(@AuthenticationPrincipal AccountPrincipal user,
			@RequestParam(defaultValue = "") String code, HttpSession session, Model model) {
		if (!user.secondFactorEnabled()) {
			return "redirect:" + SecondFactorEnrolmentFilter.ENROLMENT;
		}
		// Whoever found a signed-in screen unattended must not walk away with the codes.
		if (!this.secondFactor.verify(user.id(), code)) {
			model.addAttribute("wrongCode", true);
			return settings(user, session, model);
		}
		model.addAttribute("recoveryCodes", this.secondFactor.newRecoveryCodes(user.id()));
		return "account/recovery-codes";
	}

	@PostMapping(SecondFactorEnrolmentFilter.ENROLMENT + "/desactiver")
	String disable(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(defaultValue = "") String code,
			HttpSession session, Model model) {
		if (user.roles().contains(Role.NATIONAL_ADMIN)) {
			throw new AccessDeniedException("National administrators must keep their second factor");
		}
		if (user.secondFactorEnabled() && !this.secondFactor.verify(user.id(), code)) {
			model.addAttribute("wrongCode", true);
			return settings(user, session, model);
		}
		this.secondFactor.disable(user.id());
		return "redirect:" + SecondFactorEnrolmentFilter.ENROLMENT;
	}

}
