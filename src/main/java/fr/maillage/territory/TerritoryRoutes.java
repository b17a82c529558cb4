package fr.maillage.territory;

import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The geography is public reference data: read by anyone, without sign-in. */
@Configuration(proxyBeanMethods = false)
class TerritoryRoutes {

	@Bean
	RouteAccess territoryRouteAccess() {
		return routes -> routes.requestMatchers(HttpMethod.GET, "/api/v1/territories/**").permitAll();
	}

}
