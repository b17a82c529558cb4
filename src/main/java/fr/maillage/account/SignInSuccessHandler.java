package fr.maillage.account;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the password or the OIDC provider: notes the sign-in (inactive accounts are
 * counted from it) and, when the person has a second factor, takes the authentication
 * back until the code is given. The person then stays anonymous, with only a "pending"
 * note in the session. An OIDC sign-in ends as a password one does: the session holds the
 * account, with the provider and its ID token in the details (for the sign-out).
 */
@Component
class SignInSuccessHandler implements AuthenticationSuccessHandler {

	static final String PENDING = SignInSuccessHandler.class.getName() + ".pending";

	/**
	 * The person whose password (or provider) was right, waiting for their second factor.
	 *
	 * @param userId the account
	 * @param email its address, the key of the sign-in throttle
	 * @param oidc the provider's sign-in, or {@code null} after a password
	 */
	record PendingSignIn(long userId, String email, OidcSignInDetails oidc, java.time.Instant since,
			int wrongCodes) implements Serializable {

		/** The code must come soon after the password, and within a few tries. */
		static final java.time.Duration VALIDITY = java.time.Duration.ofMinutes(5);

		static final int MAX_WRONG_CODES = 5;

		boolean usable(Clock clock) {
			return this.wrongCodes < MAX_WRONG_CODES && !clock.instant().isAfter(this.since.plus(VALIDITY));
		}

		PendingSignIn withWrongCode() {
			return new PendingSignIn(this.userId, this.email, this.oidc, this.since, this.wrongCodes + 1);
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SignInSuccessHandler(JdbcClient jdbc, Clock clock, AuditTrail audit, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		AccountPrincipal user;
		OidcSignInDetails oidc = null;
		if (authentication instanceof OAuth2AuthenticationToken token
				&& token.getPrincipal() instanceof OidcAccountUser person) {
			user = person.account();
			oidc = new OidcSignInDetails(request, token.getAuthorizedClientRegistrationId(),
					person.getIdToken().getTokenValue());
		}
		else {
			user = (AccountPrincipal) authentication.getPrincipal();
		}
		noteSignIn(user, oidc);
		if (user.secondFactorEnabled()) {
			SecurityContext anonymous = SecurityContextHolder.createEmptyContext();
			SecurityContextHolder.setContext(anonymous);
			this.contexts.saveContext(anonymous, request, response);
			request.getSession()
				.setAttribute(PENDING, new PendingSignIn(user.id(), user.getUsername(), oidc, this.clock.instant(), 0));
			response.sendRedirect(request.getContextPath() + "/connexion/code");
			return;
		}
		if (oidc != null) {
			signIn(user, oidc, request, response);
		}
		response.sendRedirect(request.getContextPath() + "/espace");
	}

	/**
	 * Puts the account in the session: the same authentication whichever way the person
	 * came, so that roles, scopes and refreshes work alike.
	 */
	void signIn(AccountPrincipal user, WebAuthenticationDetails details, HttpServletRequest request,
			HttpServletResponse response) {
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		authentication.setDetails(details);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	private void noteSignIn(AccountPrincipal user, OidcSignInDetails oidc) {
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("update app_user set last_login_at = ?, inactivity_warned_at = null where id = ?")
				.params(OffsetDateTime.now(this.clock), user.id())
				.update();
			if (oidc != null) {
				// Password sign-ins are recorded from Spring's events (SignInAudit).
				this.audit.record(new AuditEvent(Category.SECURITY, "signin.oidc.succeeded", user.id(), "user",
						Long.toString(user.id()), null, null, Map.of(),
						Map.of("provider", oidc.provider(), "clientAddress", oidc.getRemoteAddress())));
			}
		});
	}

}
