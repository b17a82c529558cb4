package fr.maillage.observatory;

import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The open-data API, its OpenAPI document and its documentation page: public, read by
 * anyone without signing in (ADR 23). Cross-origin reads of {@code /api/v1/**} are
 * allowed by the security configuration's CORS rule.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {

	@Bean
	RouteAccess openDataApiRouteAccess() {
		return routes -> routes
			.requestMatchers(HttpMethod.GET, "/api/v1/indicators", "/api/v1/figures", "/api/v1/figures/versions",
					"/api/v1/comparison")
			.permitAll()
			.requestMatchers(HttpMethod.GET, ApiDocumentation.OPENAPI_PATH, ApiDocumentation.OPENAPI_PATH + ".yaml",
					"/api/documentation")
			.permitAll();
	}

}
