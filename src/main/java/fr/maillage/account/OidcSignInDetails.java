package fr.maillage.account;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details of a session opened through an OIDC provider: which one, and the ID token
 * it gave, which signing out sends back ({@code id_token_hint}) so that the provider ends
 * its own session too. They follow the authentication through role refreshes
 * ({@link AccountRefreshFilter}) and the second-factor step.
 */
final class OidcSignInDetails extends WebAuthenticationDetails {

	private static final long serialVersionUID = 1L;

	private final String provider;

	private final String idToken;

	OidcSignInDetails(HttpServletRequest request, String provider, String idToken) {
		super(request);
		this.provider = provider;
		this.idToken = idToken;
	}

	/** The registration id. */
	String provider() {
		return this.provider;
	}

	String idToken() {
		return this.idToken;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OidcSignInDetails details && super.equals(details)
				&& this.provider.equals(details.provider) && this.idToken.equals(details.idToken);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.provider);
	}

}
