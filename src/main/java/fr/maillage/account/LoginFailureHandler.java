package fr.maillage.account;

import java.io.IOException;

import fr.maillage.account.ThrottledAuthenticationProvider.LoginThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Back to the sign-in page with one of two messages: wrong credentials (whatever was
 * wrong: unknown address, wrong password, disabled account) or "wait N minutes". The
 * typed address is kept in the session, not in the URL, to fill the form again.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

	static final String LAST_EMAIL = LoginFailureHandler.class.getName() + ".email";

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String email = request.getParameter("email");
		request.getSession().setAttribute(LAST_EMAIL, (email != null) ? email.strip() : "");
		String target = request.getContextPath() + "/connexion?erreur";
		if (exception instanceof LoginThrottledException throttled) {
			long minutes = Math.max(1, (throttled.waitTime().toSeconds() + 59) / 60);
			target = request.getContextPath() + "/connexion?attente=" + minutes;
		}
		response.sendRedirect(target);
	}

}
