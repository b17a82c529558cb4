package fr.maillage.account;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person a provider signed in, with the Maillage account they were matched to. It
 * only lives between the provider's answer and {@link SignInSuccessHandler}, which signs
 * the account in as any password sign-in would.
 */
final class OidcAccountUser extends DefaultOidcUser {

	private final AccountPrincipal account;

	OidcAccountUser(OidcUser person, AccountPrincipal account) {
		super(person.getAuthorities(), person.getIdToken(), person.getUserInfo());
		this.account = account;
	}

	AccountPrincipal account() {
		return this.account;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OidcAccountUser user && super.equals(user) && this.account.equals(user.account);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
