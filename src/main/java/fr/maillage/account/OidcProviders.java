package fr.maillage.account;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The OIDC providers people may sign in with: one per client registration of
 * {@code spring.security.oauth2.client.registration.*}, completed by
 * {@link OidcProperties}. With no registration, there are none and nothing of OIDC is
 * switched on. A setting that cannot work stops the start, rather than the first sign-in.
 */
@Component
class OidcProviders {

	private final Map<String, OidcProvider> providers = new LinkedHashMap<>();

	OidcProviders(ObjectProvider<ClientRegistrationRepository> registrations, OidcProperties properties) {
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		if (repository instanceof Iterable<?> all) {
			for (Object registration : all) {
				add((ClientRegistration) registration, properties);
			}
		}
		properties.oidc().keySet().stream().filter(id -> !this.providers.containsKey(id)).findFirst().ifPresent(id -> {
			throw new IllegalStateException("maillage.oidc." + id + " has no matching registration: set "
					+ "spring.security.oauth2.client.registration." + id + ".client-id and the provider's issuer-uri");
		});
	}

	private void add(ClientRegistration registration, OidcProperties properties) {
		String id = registration.getRegistrationId();
		OidcProperties.Provider settings = properties.oidc().getOrDefault(id, OidcProperties.Provider.DEFAULTS);
		if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())
				|| !registration.getScopes().contains(OidcScopes.OPENID)) {
			// Only OpenID Connect gives a signed statement of who signed in.
			throw new IllegalStateException("Registration " + id
					+ " must use the authorization_code grant and include the openid scope to sign people in");
		}
		SignatureAlgorithm algorithm = SignatureAlgorithm.from(settings.signingAlgorithm());
		if (algorithm == null) {
			throw new IllegalStateException("maillage.oidc." + id + ".signing-algorithm is not a JWS algorithm: "
					+ settings.signingAlgorithm());
		}
		if (settings.userinfoSigned() && (registration.getProviderDetails().getIssuerUri() == null
				|| !StringUtils.hasText(registration.getProviderDetails().getJwkSetUri()))) {
			throw new IllegalStateException("maillage.oidc." + id
					+ ".userinfo-signed needs spring.security.oauth2.client.provider.<provider>.issuer-uri, "
					+ "to check who signed the answer");
		}
		String label = StringUtils.hasText(settings.label()) ? settings.label() : registration.getClientName();
		this.providers.put(id, new OidcProvider(registration, label, List.copyOf(settings.acrValues()),
				settings.userinfoSigned(), settings.emailsVerified(), algorithm));
	}

	/** In the order of the configuration. */
	List<OidcProvider> all() {
		return List.copyOf(this.providers.values());
	}

	boolean any() {
		return !this.providers.isEmpty();
	}

	/**
	 * @throws IllegalArgumentException for a registration id that is not configured (only
	 * Spring's filters, which check it first, call this)
	 */
	OidcProvider get(String registrationId) {
		OidcProvider provider = this.providers.get(registrationId);
		if (provider == null) {
			throw new IllegalArgumentException("No OIDC provider " + registrationId);
		}
		return provider;
	}

	Optional<OidcProvider> find(String registrationId) {
		return Optional.ofNullable(this.providers.get(registrationId));
	}

	/** The origins of the providers' end-session endpoints. */
	List<String> endSessionOrigins() {
		return this.providers.values()
			.stream()
			.flatMap(provider -> provider.endSessionEndpoint().stream())
			.map(endpoint -> endpoint.getScheme() + "://" + endpoint.getRawAuthority())
			.distinct()
			.toList();
	}

	/**
	 * One provider, as configured.
	 *
	 * @param registration Spring's client registration, with the provider's metadata
	 * @param label the name on the sign-in button
	 * @param acrValues the levels asked for and accepted; empty: any
	 * @param userinfoSigned whether UserInfo must answer a signed JWT
	 * @param emailsVerified whether a missing {@code email_verified} counts as true
	 * @param signingAlgorithm the algorithm of the ID tokens and signed UserInfo answers
	 */
	record OidcProvider(ClientRegistration registration, String label, List<String> acrValues, boolean userinfoSigned,
			boolean emailsVerified, SignatureAlgorithm signingAlgorithm) {

		String registrationId() {
			return this.registration.getRegistrationId();
		}

		/** What the sign-in button links to (Spring's authorization request filter). */
		String signInPath() {
			return "/oauth2/authorization/" + registrationId();
		}

		/** Whether the {@code acr} of an ID token is one we asked for. */
		boolean accepts(String acr) {
			return this.acrValues.isEmpty() || this.acrValues.contains(acr);
		}

		/**
		 * Whether the provider vouches for the address: {@code email_verified} true, or
		 * absent from a provider that verifies every address.
		 */
		boolean vouchesFor(Boolean emailVerified) {
			return Boolean.TRUE.equals(emailVerified) || (emailVerified == null && this.emailsVerified);
		}

		/** The provider's RP-initiated logout endpoint, if it announces one. */
		Optional<URI> endSessionEndpoint() {
			Object endpoint = this.registration.getProviderDetails()
				.getConfigurationMetadata()
				.get("end_session_endpoint");
			return (endpoint != null) ? Optional.of(URI.create(endpoint.toString())) : Optional.empty();
		}

	}

}
