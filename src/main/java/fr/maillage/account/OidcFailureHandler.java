package fr.maillage.account;

import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.maillage.account.OidcProviders.OidcProvider;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An OIDC sign-in that did not end in Maillage: recorded in the audit trail (the reason,
 * the provider, the account if the address has one, never the address), then explained on
 * the refusal page. The address the provider gave goes there through the session, not the
 * URL, so that it appears in no log.
 */
@Component
class OidcFailureHandler implements AuthenticationFailureHandler {

	static final String REFUSAL = OidcFailureHandler.class.getName() + ".refusal";

	private static final Logger log = LoggerFactory.getLogger(OidcFailureHandler.class);

	private static final String CALLBACK = "/login/oauth2/code/";

	/**
	 * What the refusal page shows.
	 *
	 * @param reason why
	 * @param providerLabel the provider's name, as on the sign-in button
	 * @param email the address the provider gave, or {@code null}
	 */
	record RefusalNote(OidcRefusal reason, String providerLabel, String email) implements Serializable {
	}

	private final OidcProviders providers;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	OidcFailureHandler(OidcProviders providers, AuditTrail audit, TransactionTemplate transactions) {
		this.providers = providers;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		Map<String, Object> details = new LinkedHashMap<>();
		RefusalNote note;
		Long accountId = null;
		if (exception instanceof OidcSignInRefusedException refused) {
			details.put("provider", refused.provider());
			details.put("reason", refused.reason().code());
			accountId = refused.accountId();
			note = new RefusalNote(refused.reason(), label(refused.provider()), refused.email());
		}
		else {
			String provider = providerOf(request);
			String error = (exception instanceof OAuth2AuthenticationException oauth2)
					? oauth2.getError().getErrorCode() : exception.getClass().getSimpleName();
			log.warn("OIDC sign-in through {} failed: {}", provider, exception.getMessage());
			details.put("provider", provider);
			details.put("reason", OidcRefusal.PROVIDER_ERROR.code());
			// The provider's error code may come from the URL: bounded, as anything
			// typed.
			details.put("error", (error.length() > 64) ? error.substring(0, 64) : error);
			note = new RefusalNote(OidcRefusal.PROVIDER_ERROR, label(provider), null);
		}
		details.put("clientAddress", request.getRemoteAddr());
		record(accountId, details);
		request.getSession().setAttribute(REFUSAL, note);
		response.sendRedirect(request.getContextPath() + "/connexion/refus");
	}

	private void record(Long accountId, Map<String, Object> details) {
		this.transactions.executeWithoutResult(status -> this.audit
			.record(new AuditEvent(Category.SECURITY, "signin.oidc.refused", null, (accountId != null) ? "user" : null,
					(accountId != null) ? accountId.toString() : null, null, null, Map.of(), details)));
	}

	/** The registration id in the callback path, if it is one of ours. */
	private String providerOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String id = path.startsWith(CALLBACK) ? path.substring(CALLBACK.length()) : "";
		return this.providers.find(id).map(OidcProvider::registrationId).orElse("unknown");
	}

	private String label(String registrationId) {
		return this.providers.find(registrationId).map(OidcProvider::label).orElse("OpenID Connect");
	}

}
