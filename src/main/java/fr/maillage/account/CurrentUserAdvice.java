package fr.maillage.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, for the page header ("Se connecter" or the person's name). */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUserName")
	String currentUserName() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal user) {
			return user.displayName();
		}
		return null;
	}

}
