package fr.maillage.shared.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's access rules for the routes it serves. Every module that adds a controller
 * declares its routes here; the security configuration applies all of them and refuses
 * anything no module declared. {@code RouteRoleMatrixTest} checks that no route is left
 * out.
 */
@FunctionalInterface
public interface RouteAccess {

	void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);

}
