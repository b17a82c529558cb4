package fr.maillage.account;

import fr.maillage.account.OidcProviders.OidcProvider;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who an OIDC sign-in is. Spring has checked the ID token (signature, issuer, audience,
 * nonce, expiry) and read UserInfo ({@link UserInfoClient}); here, the authentication
 * level and the address are checked, and the address is matched to an account
 * ({@link OidcAccounts}). A refusal is an {@link OidcSignInRefusedException}, which
 * {@link OidcFailureHandler} turns into a French page.
 */
@Component
class OidcAccountUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService standard = new OidcUserService();

	private final OidcProviders providers;

	private final OidcAccounts accounts;

	OidcAccountUserService(OidcProviders providers, OidcAccounts accounts, UserInfoClient userInfo) {
		this.providers = providers;
		this.accounts = accounts;
		this.standard.setOauth2UserService(userInfo);
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcProvider provider = this.providers.get(request.getClientRegistration().getRegistrationId());
		OidcUser person = this.standard.loadUser(request);
		// acr_values is only a wish: the provider says in the ID token what it did.
		if (!provider.accepts(person.getIdToken().getAuthenticationContextClass())) {
			throw refused(OidcRefusal.ACR_NOT_ACCEPTED, provider, null, null);
		}
		String email = Emails.normalize(person.getEmail());
		if (email.isEmpty()) {
			throw refused(OidcRefusal.EMAIL_MISSING, provider, null, null);
		}
		if (!provider.vouchesFor(person.getEmailVerified())) {
			throw refused(OidcRefusal.EMAIL_UNVERIFIED, provider, email, null);
		}
		return switch (this.accounts.match(email, provider.registrationId())) {
			case OidcAccounts.Match.Account(AccountPrincipal account) -> new OidcAccountUser(person, account);
			case OidcAccounts.Match.Refused(OidcRefusal reason, Long accountId) ->
				throw refused(reason, provider, email, accountId);
		};
	}

	private static OidcSignInRefusedException refused(OidcRefusal reason, OidcProvider provider, String email,
			Long accountId) {
		return new OidcSignInRefusedException(reason, provider.registrationId(), email, accountId);
	}

}
