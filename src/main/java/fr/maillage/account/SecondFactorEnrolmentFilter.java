package fr.maillage.account;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A national administrator without a second factor can do nothing but set one up (and
 * sign out): every other page leads to the set-up page.
 */
class SecondFactorEnrolmentFilter extends OncePerRequestFilter {

	static final String ENROLMENT = "/compte/double-authentification";

	private static final List<String> ALLOWED = List.of(ENROLMENT, "/deconnexion", "/webjars/", "/css/", "/js/",
			"/favicon", "/error");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal user
				&& user.mustEnrolSecondFactor() && ALLOWED.stream().noneMatch(path::startsWith)) {
			response.sendRedirect(request.getContextPath() + ENROLMENT);
			return;
		}
		chain.doFilter(request, response);
	}

}
