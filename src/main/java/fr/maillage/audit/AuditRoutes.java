package fr.maillage.audit;

import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may open the journal (shared/design/permissions.md, "read the audit trail"); what
 * each of them sees there is narrowed by scope.
 */
@Configuration(proxyBeanMethods = false)
class AuditRoutes {

	@Bean
	RouteAccess auditRouteAccess() {
		return routes -> routes.requestMatchers(HttpMethod.GET, JournalController.PATH)
			.hasAnyRole("NATIONAL_ADMIN", "CAF_ADVISOR", "STRUCTURE_MANAGER");
	}

}
