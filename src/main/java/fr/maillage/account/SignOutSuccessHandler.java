package fr.maillage.account;

import java.io.IOException;
import java.net.URI;

import fr.maillage.account.OidcProviders.OidcProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After our own sign-out: to the home page, which says so; or, for a session opened
 * through an OIDC provider that has an end-session endpoint, first to the provider with
 * the ID token ({@code id_token_hint}), so that its session ends too and the next person
 * at this computer is not signed in again without a password. The provider then sends the
 * person back to the same home page.
 */
@Component
class SignOutSuccessHandler implements LogoutSuccessHandler {

	static final String SIGNED_OUT = "/?deconnecte";

	private final OidcProviders providers;

	SignOutSuccessHandler(OidcProviders providers) {
		this.providers = providers;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		String target = request.getContextPath() + SIGNED_OUT;
		if (authentication != null && authentication.getDetails() instanceof OidcSignInDetails oidc) {
			target = this.providers.find(oidc.provider())
				.flatMap(OidcProvider::endSessionEndpoint)
				.map(endpoint -> endSession(endpoint, oidc, request))
				.orElse(target);
		}
		response.sendRedirect(target);
	}

	private static String endSession(URI endpoint, OidcSignInDetails oidc, HttpServletRequest request) {
		String back = ServletUriComponentsBuilder.fromContextPath(request)
			.path("/")
			.query("deconnecte")
			.build()
			.toUriString();
		return UriComponentsBuilder.fromUri(endpoint)
			.queryParam("id_token_hint", oidc.idToken())
			// ProConnect requires a state; there is nothing to check it against on
			// return,
			// since our session is already gone.
			.queryParam("state", Tokens.newToken())
			.queryParam("post_logout_redirect_uri", back)
			.encode()
			.build()
			.toUriString();
	}

}
