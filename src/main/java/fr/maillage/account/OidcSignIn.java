package fr.maillage.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * OIDC sign-in, switched on when at least one provider is configured
 * ({@link OidcProviders}): Spring's authorization-code flow with our authorization
 * requests ({@code acr_values}, PKCE), account matching ({@link OidcAccountUserService})
 * and handlers. Its endpoints are Spring's filters: {@code /oauth2/authorization/{id}}
 * (the button) and {@code /login/oauth2/code/{id}} (the provider's answer).
 */
@Component
class OidcSignIn {

	static final String ACR_VALUES = "acr_values";

	private final OidcProviders providers;

	private final OidcAccountUserService users;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	private final SignInSuccessHandler success;

	private final OidcFailureHandler failure;

	OidcSignIn(OidcProviders providers, OidcAccountUserService users,
			ObjectProvider<ClientRegistrationRepository> registrations, SignInSuccessHandler success,
			OidcFailureHandler failure) {
		this.providers = providers;
		this.users = users;
		this.registrations = registrations;
		this.success = success;
		this.failure = failure;
	}

	boolean enabled() {
		return this.providers.any();
	}

	/**
	 * Where signing out may send the browser: the Content-Security-Policy of the page
	 * with the sign-out form must allow these origins, since browsers apply
	 * {@code form-action} to the redirects that follow a form.
	 */
	List<String> signOutOrigins() {
		return this.providers.endSessionOrigins();
	}

	/**
	 * For our authentication manager, which would otherwise not know OIDC: exchanges the
	 * code, checks the ID token with the provider's keys and algorithm, then finds the
	 * account.
	 */
	AuthenticationProvider authenticationProvider() {
		var tokens = new RestClientAuthorizationCodeTokenResponseClient();
		tokens.setRestClient(RestClient.builder()
			.requestFactory(OidcHttp.requestFactory())
			// As Spring's own client: form out, token response or OAuth2 error in.
			.configureMessageConverters(converters -> {
				converters.addCustomConverter(new FormHttpMessageConverter());
				converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		var provider = new OidcAuthorizationCodeAuthenticationProvider(tokens, this.users);
		OidcIdTokenDecoderFactory idTokens = new OidcIdTokenDecoderFactory();
		idTokens.setJwsAlgorithmResolver(
				registration -> this.providers.get(registration.getRegistrationId()).signingAlgorithm());
		provider.setJwtDecoderFactory(idTokens);
		return provider;
	}

	void configure(HttpSecurity http) {
		http.oauth2Login(login -> login
			// Our page with its buttons: otherwise, with a single provider, Spring would
			// send every anonymous visitor straight to it.
			.loginPage("/connexion")
			.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests()))
			.authorizedClientRepository(new NoAuthorizedClients())
			.userInfoEndpoint(userInfo -> userInfo.oidcUserService(this.users))
			.successHandler(this.success)
			.failureHandler(this.failure));
	}

	private DefaultOAuth2AuthorizationRequestResolver authorizationRequests() {
		var resolver = new DefaultOAuth2AuthorizationRequestResolver(this.registrations.getObject(),
				OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		// Spring adds state and nonce; PKCE also protects the code of a confidential
		// client.
		resolver.setAuthorizationRequestCustomizer(
				OAuth2AuthorizationRequestCustomizers.withPkce().andThen(this::askAcrValues));
		return resolver;
	}

	private void askAcrValues(OAuth2AuthorizationRequest.Builder request) {
		request.attributes(attributes -> {
			String registrationId = (String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID);
			List<String> acrValues = this.providers.get(registrationId).acrValues();
			if (!acrValues.isEmpty()) {
				request.additionalParameters(parameters -> parameters.put(ACR_VALUES, String.join(" ", acrValues)));
			}
		});
	}

	/**
	 * Maillage calls no API of the provider: its tokens are dropped once the person is
	 * known (the ID token alone is kept, in the authentication details, for the
	 * sign-out).
	 */
	private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
