package fr.maillage.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.maillage.account.OidcProviders.OidcProvider;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads the provider's UserInfo endpoint. A provider set with {@code userinfo-signed}
 * (ProConnect) answers a JWT ({@code application/jwt}) signed with its keys: its
 * signature, issuer, audience and dates are checked against the provider's published keys
 * before any claim is used, and an unsigned answer is refused, so that it cannot be
 * swapped on the way. Other providers answer JSON, read by Spring's default service.
 */
@Component
class UserInfoClient implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

	static final MediaType APPLICATION_JWT = new MediaType("application", "jwt");

	private static final String INVALID_USER_INFO = "invalid_user_info_response";

	/** The signed answer's envelope: checked here, meaningless once it is. */
	private static final List<String> ENVELOPE = List.of(JwtClaimNames.ISS, JwtClaimNames.AUD, JwtClaimNames.EXP,
			JwtClaimNames.IAT, JwtClaimNames.NBF, JwtClaimNames.JTI);

	private final OidcProviders providers;

	private final DefaultOAuth2UserService json = new DefaultOAuth2UserService();

	private final RestClient http;

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	UserInfoClient(OidcProviders providers) {
		this.providers = providers;
		this.http = RestClient.builder().requestFactory(OidcHttp.requestFactory()).build();
	}

	@Override
	public OAuth2User loadUser(OAuth2UserRequest request) {
		OidcProvider provider = this.providers.get(request.getClientRegistration().getRegistrationId());
		if (!provider.userinfoSigned()) {
			return this.json.loadUser(request);
		}
		ClientRegistration registration = provider.registration();
		ResponseEntity<String> response;
		try {
			response = this.http.get()
				.uri(registration.getProviderDetails().getUserInfoEndpoint().getUri())
				.headers(headers -> headers.setBearerAuth(request.getAccessToken().getTokenValue()))
				.accept(APPLICATION_JWT)
				.retrieve()
				.toEntity(String.class);
		}
		catch (RestClientException ex) {
			throw invalid("UserInfo request failed: " + ex.getMessage(), ex);
		}
		MediaType type = response.getHeaders().getContentType();
		if (type == null || !APPLICATION_JWT.isCompatibleWith(type) || !StringUtils.hasText(response.getBody())) {
			throw invalid("UserInfo answered " + type + " where a signed JWT (application/jwt) was expected", null);
		}
		Jwt signed;
		try {
			signed = this.decoders.computeIfAbsent(provider.registrationId(), id -> decoder(provider))
				.decode(response.getBody().strip());
		}
		catch (JwtException ex) {
			throw invalid("UserInfo JWT rejected: " + ex.getMessage(), ex);
		}
		Map<String, Object> claims = new HashMap<>(signed.getClaims());
		ENVELOPE.forEach(claims::remove);
		if (!claims.containsKey(JwtClaimNames.SUB)) {
			throw invalid("UserInfo JWT without sub", null);
		}
		// Spring then checks that sub is the ID token's.
		return new DefaultOAuth2User(AuthorityUtils.NO_AUTHORITIES, claims, JwtClaimNames.SUB);
	}

	/** Checks the signature with the provider's keys, and that it is meant for us. */
	private static JwtDecoder decoder(OidcProvider provider) {
		ClientRegistration registration = provider.registration();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
			.jwsAlgorithm(provider.signingAlgorithm())
			.build();
		String clientId = registration.getClientId();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
				new JwtIssuerValidator(registration.getProviderDetails().getIssuerUri()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						audience -> audience != null && audience.contains(clientId))));
		return decoder;
	}

	private static OAuth2AuthenticationException invalid(String description, Exception cause) {
		OAuth2Error error = new OAuth2Error(INVALID_USER_INFO, description, null);
		return (cause != null) ? new OAuth2AuthenticationException(error, description, cause)
				: new OAuth2AuthenticationException(error, description);
	}

}
