package fr.maillage.structure;

import fr.maillage.shared.security.RouteAccess;
import fr.maillage.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The directory, its API and the open data are public (permissions.md: anyone reads the
 * directory), without sign-in; the directory has its place in the main navigation.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryRoutes {

	@Bean
	RouteAccess directoryRouteAccess() {
		return routes -> routes
			.requestMatchers(HttpMethod.GET, DirectoryController.PATH, DirectoryController.PATH + "/*",
					"/api/v1/structures", "/api/v1/structures/*", "/api/v1/open-data/*")
			.permitAll();
	}

	@Bean
	NavigationItem directoryNavigation() {
		return new NavigationItem("directory.nav", DirectoryController.PATH, 20);
	}

}
