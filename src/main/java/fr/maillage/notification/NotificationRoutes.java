package fr.maillage.notification;

import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The e-mail outbox is read by the national administration only. */
@Configuration(proxyBeanMethods = false)
class NotificationRoutes {

	@Bean
	RouteAccess notificationRouteAccess() {
		return routes -> routes
			.requestMatchers(HttpMethod.GET, "/admin/courriels", "/admin/courriels/*", "/admin/courriels/*/html")
			.hasRole("NATIONAL_ADMIN");
	}

}
