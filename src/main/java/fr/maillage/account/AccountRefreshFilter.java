package fr.maillage.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in person's account and assignments on every request, so that a role
 * removed or an account deactivated takes effect at once, not at the next sign-in. A
 * deactivated or deleted account is signed out.
 */
class AccountRefreshFilter extends OncePerRequestFilter {

	private final AccountUserDetailsService accounts;

	AccountRefreshFilter(AccountUserDetailsService accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityContext context = SecurityContextHolder.getContext();
		Authentication authentication = context.getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal signedIn) {
			AccountPrincipal current = this.accounts.loadById(signedIn.id())
				.filter(AccountPrincipal::isEnabled)
				.orElse(null);
			if (current == null) {
				SecurityContextHolder.clearContext();
				var session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else if (!current.assignments().equals(signedIn.assignments())
					|| current.secondFactorEnabled() != signedIn.secondFactorEnabled()) {
				var refreshed = UsernamePasswordAuthenticationToken.authenticated(current, null,
						current.getAuthorities());
				refreshed.setDetails(authentication.getDetails());
				SecurityContext updated = SecurityContextHolder.createEmptyContext();
				updated.setAuthentication(refreshed);
				SecurityContextHolder.setContext(updated);
			}
		}
		chain.doFilter(request, response);
	}

}
