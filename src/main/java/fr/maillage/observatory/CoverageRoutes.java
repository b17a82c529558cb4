package fr.maillage.observatory;

import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Territory coverage is public, without sign-in (issue 7: the observatory's pages and
 * files are open to everyone). Its entry in the navigation is the observatory's.
 */
@Configuration(proxyBeanMethods = false)
class CoverageRoutes {

	@Bean
	RouteAccess coverageRouteAccess() {
		return routes -> routes
			.requestMatchers(HttpMethod.GET, CoveragePageController.PATH, CoveragePageController.PATH + ".csv",
					CoveragePageController.PATH + ".xlsx", CoveragePageController.DEPARTEMENT_PATH + "*")
			.permitAll();
	}

}
