package fr.maillage.questionnaire;

import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Published questionnaires are public. */
@Configuration(proxyBeanMethods = false)
class QuestionnaireRoutes {

	@Bean
	RouteAccess questionnaireRouteAccess() {
		return routes -> routes.requestMatchers(HttpMethod.GET, "/api/v1/questionnaires", "/api/v1/questionnaires/*")
			.permitAll();
	}

}
