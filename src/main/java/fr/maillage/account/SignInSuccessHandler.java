package fr.maillage.account;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After the password: notes the sign-in (inactive accounts are counted from it) and, when
 * the person has a second factor, takes the authentication back until the code is given.
 * The person then stays anonymous, with only a "pending" note in the session.
 */
@Component
class SignInSuccessHandler implements AuthenticationSuccessHandler {

	static final String PENDING = SignInSuccessHandler.class.getName() + ".pending";

	/** The person whose password was right, waiting for their second factor. */
	record PendingSignIn(long userId, String email) implements Serializable {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SignInSuccessHandler(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		AccountPrincipal user = (AccountPrincipal) authentication.getPrincipal();
		this.jdbc.sql("update app_user set last_login_at = ?, inactivity_warned_at = null where id = ?")
			.params(OffsetDateTime.now(this.clock), user.id())
			.update();
		if (user.secondFactorEnabled()) {
			SecurityContext anonymous = SecurityContextHolder.createEmptyContext();
			SecurityContextHolder.setContext(anonymous);
			this.contexts.saveContext(anonymous, request, response);
			request.getSession().setAttribute(PENDING, new PendingSignIn(user.id(), user.getUsername()));
			response.sendRedirect(request.getContextPath() + "/connexion/code");
			return;
		}
		response.sendRedirect(request.getContextPath() + "/espace");
	}

}
