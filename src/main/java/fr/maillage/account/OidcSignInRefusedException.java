package fr.maillage.account;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The provider signed the person in, but Maillage does not. Carries what the refusal page
 * shows (the address the provider gave, so that the person sees which one has no account)
 * and what the audit trail records (never that address).
 */
class OidcSignInRefusedException extends OAuth2AuthenticationException {

	private final OidcRefusal reason;

	private final String provider;

	private final String email;

	private final Long accountId;

	OidcSignInRefusedException(OidcRefusal reason, String provider, String email, Long accountId) {
		super(new OAuth2Error("maillage_" + reason.code().replace('-', '_')), "OIDC sign-in refused: " + reason.code());
		this.reason = reason;
		this.provider = provider;
		this.email = email;
		this.accountId = accountId;
	}

	OidcRefusal reason() {
		return this.reason;
	}

	/** The registration id. */
	String provider() {
		return this.provider;
	}

	/** The address the provider gave, if any. */
	String email() {
		return this.email;
	}

	/** The account of that address, if it has one. */
	Long accountId() {
		return this.accountId;
	}

}
