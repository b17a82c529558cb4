package fr.maillage.observatory;

import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.RouteAccess;
import fr.maillage.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The observatory's pages and downloads are public (permissions.md: anyone reads
 * published figures). Marking figures final and recording the federation's agreement are
 * for the roles granting them; {@link FinalFigures} checks the territory is in their
 * scope.
 */
@Configuration(proxyBeanMethods = false)
class ObservatoryRoutes {

	@Bean
	RouteAccess observatoryRouteAccess() {
		return routes -> routes
			.requestMatchers(HttpMethod.GET, ObservatoryController.PATH, ObservatoryController.PATH + "/regions/*",
					ObservatoryController.PATH + "/departements/*", ComparisonController.PATH,
					ObservatoryController.PATH + "/export.*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, FinalFiguresController.MARK)
			.hasAnyRole(roles(Permission.MARK_FIGURES_FINAL))
			.requestMatchers(HttpMethod.POST, FinalFiguresController.AGREE)
			.hasAnyRole(roles(Permission.AGREE_FIGURES_FINAL));
	}

	@Bean
	NavigationItem observatoryNavigation() {
		return new NavigationItem("observatory.nav", ObservatoryController.PATH, 10);
	}

	private static String[] roles(Permission permission) {
		return permission.roles().stream().map(Role::name).toArray(String[]::new);
	}

}
