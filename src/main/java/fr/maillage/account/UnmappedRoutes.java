package fr.maillage.account;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The last rule: a request that no controller serves is let through, so that it ends on
 * the "page introuvable" page instead of the sign-in page; a request that a controller
 * serves but no module declared is refused. Resources (CSS, scripts) are declared
 * explicitly, so what falls here and is not a controller route can only end in a 404.
 */
class UnmappedRoutes implements AuthorizationManager<RequestAuthorizationContext> {

	private final Supplier<RequestMappingHandlerMapping> controllers;

	UnmappedRoutes(Supplier<RequestMappingHandlerMapping> controllers) {
		this.controllers = controllers;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(!servedByController(context.getRequest()));
	}

	private boolean servedByController(HttpServletRequest request) {
		try {
			return this.controllers.get().getHandler(request) != null;
		}
		catch (Exception ex) {
			// e.g. a method the route does not support: let MVC answer 405.
			return false;
		}
	}

}
