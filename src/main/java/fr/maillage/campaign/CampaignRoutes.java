package fr.maillage.campaign;

import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Role;
import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Campaigns are created, and opened, by the national administration; deadline extensions
 * are granted by whoever holds {@link Permission#GRANT_EXTENSION} (the service checks the
 * response's structure is in their scope). Answer pages are for whoever reads answers;
 * which response, and whether they may change it, is the services' check on the
 * response's structure (404 outside the scope, 403 for a reader who may not answer). The
 * review screens are for those who comment and return responses; validating is narrower
 * (permissions.md), and the services check the response's structure.
 */
@Configuration(proxyBeanMethods = false)
class CampaignRoutes {

	@Bean
	RouteAccess campaignRouteAccess() {
		String[] definers = roles(Permission.DEFINE_OBSERVATORY);
		String[] readers = roles(Permission.READ_ANSWERS);
		String[] answerers = roles(Permission.ANSWER_QUESTIONNAIRE);
		String[] reviewers = roles(Permission.RETURN_FOR_CORRECTION);
		String[] validators = roles(Permission.VALIDATE_RESPONSE);
		String[] granters = roles(Permission.GRANT_EXTENSION);
		// Tracking is for those who follow a territory: readers of answers without the
		// structure roles (Tracking checks the territory again for people with both).
		String[] followers = Permission.READ_ANSWERS.roles()
			.stream()
			.filter(role -> role != Role.STRUCTURE_MANAGER && role != Role.STRUCTURE_STAFF)
			.map(Role::name)
			.toArray(String[]::new);
		return routes -> routes.requestMatchers("/admin/campagnes")
			.hasAnyRole(definers)
			.requestMatchers(HttpMethod.GET, "/suivi", "/suivi/departements/*", "/suivi/export")
			.hasAnyRole(followers)
			.requestMatchers(HttpMethod.POST, "/suivi/departements/*/relances", "/suivi/reponses/*/relance")
			.hasAnyRole(followers)
			.requestMatchers(HttpMethod.GET, "/admin/campagnes/*", "/admin/campagnes/*/cible.csv")
			.hasAnyRole(definers)
			.requestMatchers(HttpMethod.POST, "/admin/campagnes/*/ouverture", "/admin/campagnes/*/relances")
			.hasAnyRole(definers)
			.requestMatchers(HttpMethod.POST, "/reponses/*/prolongation")
			.hasAnyRole(granters)
			.requestMatchers(HttpMethod.GET, "/reponses", "/reponses/jeton")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/reponses/*", "/reponses/*/sections/*", "/reponses/*/historique",
					"/reponses/*/soumettre", "/reponses/*/impression")
			.hasAnyRole(readers)
			.requestMatchers(HttpMethod.POST, "/reponses/*/valeurs", "/reponses/*/sections/*", "/reponses/*/soumettre")
			.hasAnyRole(answerers)
			.requestMatchers(HttpMethod.GET, "/revue", "/revue/*", "/revue/*/historique")
			.hasAnyRole(reviewers)
			.requestMatchers(HttpMethod.POST, "/revue/*/commentaires", "/revue/*/renvoi")
			.hasAnyRole(reviewers)
			.requestMatchers(HttpMethod.POST, "/revue/*/validation", "/revue/*/devalidation")
			.hasAnyRole(validators);
	}

	private static String[] roles(Permission permission) {
		return permission.roles().stream().map(Role::name).toArray(String[]::new);
	}

}
