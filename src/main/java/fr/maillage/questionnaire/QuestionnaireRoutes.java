package fr.maillage.questionnaire;

import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Published questionnaires are public; publishing is the national administration's. */
@Configuration(proxyBeanMethods = false)
class QuestionnaireRoutes {

	@Bean
	RouteAccess questionnaireRouteAccess() {
		String[] definers = Permission.DEFINE_OBSERVATORY.roles().stream().map(Role::name).toArray(String[]::new);
		return routes -> routes.requestMatchers(HttpMethod.GET, "/api/v1/questionnaires", "/api/v1/questionnaires/*")
			.permitAll()
			.requestMatchers("/admin/questionnaires")
			.hasAnyRole(definers)
			.requestMatchers(HttpMethod.GET, "/admin/questionnaires/*/classeur.xlsx")
			.hasAnyRole(definers);
	}

}
