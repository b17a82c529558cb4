package fr.maillage.account;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Our own settings of each OIDC provider, {@code maillage.oidc.<registration id>.*},
 * beside Spring Boot's
 * {@code spring.security.oauth2.client.registration.<registration id>.*}.
 *
 * @param oidc the settings by registration id
 */
@ConfigurationProperties("maillage")
record OidcProperties(@DefaultValue Map<String, Provider> oidc) {

	/**
	 * One provider's settings.
	 *
	 * @param label the name on the sign-in button ("Se connecter avec {label}"); the
	 * registration's client name by default
	 * @param acrValues the authentication levels asked for ({@code acr_values}); the ID
	 * token's {@code acr} must then be one of them. Empty: none asked, none checked
	 * @param userinfoSigned whether the UserInfo endpoint answers a signed JWT
	 * ({@code application/jwt}), as ProConnect's does; an unsigned answer is then refused
	 * @param emailsVerified whether the provider only ever gives addresses it verified,
	 * so that a missing {@code email_verified} claim is taken as true (an explicit
	 * {@code false} is always refused)
	 * @param signingAlgorithm the JWS algorithm of the provider's ID tokens and signed
	 * UserInfo answers
	 */
	record Provider(String label, @DefaultValue List<String> acrValues, boolean userinfoSigned, boolean emailsVerified,
			@DefaultValue("RS256") String signingAlgorithm) {

		static final Provider DEFAULTS = new Provider(null, List.of(), false, false, "RS256");

	}

}
