package fr.maillage.structure;

import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The registry's record pages need a signed-in person; what each may see or change is the
 * permissions table, applied by the controllers with the person's scopes (404 outside
 * them, 403 for an action that is not theirs).
 */
@Configuration(proxyBeanMethods = false)
class RegistryRoutes {

	@Bean
	RouteAccess registryRecordRouteAccess() {
		return routes -> routes
			.requestMatchers(HttpMethod.GET, "/registre", "/registre/nouvelle", "/registre/renouvellements",
					"/registre/*", "/registre/*/modifier", "/registre/*/agrements/nouveau",
					"/registre/*/agrements/*/modifier", "/registre/*/documents/*")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/registre/nouvelle", "/registre/*/modifier",
					"/registre/*/agrements/nouveau", "/registre/*/agrements/*/modifier",
					"/registre/*/agrements/*/documents", "/registre/*/documents/*/supprimer", "/registre/*/jalons/*")
			.authenticated();
	}

}
