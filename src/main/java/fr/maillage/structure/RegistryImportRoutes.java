package fr.maillage.structure;

import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The registry's import (those who edit the registry; the controller narrows to their
 * scope) and export (anyone signed in; the rows are those of their scope).
 */
@Configuration(proxyBeanMethods = false)
class RegistryImportRoutes {

	@Bean
	RouteAccess registryImportRouteAccess() {
		String[] editors = Permission.EDIT_REGISTRY.roles().stream().map(Role::name).toArray(String[]::new);
		return routes -> routes
			.requestMatchers(HttpMethod.GET, "/registre/import", "/registre/import/modele.csv",
					"/registre/import/modele.xlsx")
			.hasAnyRole(editors)
			.requestMatchers(HttpMethod.POST, "/registre/import", "/registre/import/confirmer")
			.hasAnyRole(editors)
			.requestMatchers(HttpMethod.GET, "/registre/export.csv", "/registre/export.xlsx")
			.authenticated();
	}

}
