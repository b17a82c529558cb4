package fr.maillage.site;

import fr.maillage.shared.security.RouteAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Home and the pages every public-service site owes its readers. All public. */
@Controller
class SitePagesController {

	@GetMapping("/")
	String home() {
		return "site/home";
	}

	@GetMapping("/mentions-legales")
	String legalNotice() {
		return "site/legal-notice";
	}

	@GetMapping("/donnees-personnelles")
	String personalData() {
		return "site/personal-data";
	}

	@GetMapping("/accessibilite")
	String accessibility() {
		return "site/accessibility";
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		RouteAccess sitePageRoutes() {
			return routes -> routes
				.requestMatchers(HttpMethod.GET, "/", "/mentions-legales", "/donnees-personnelles", "/accessibilite")
				.permitAll();
		}

	}

}
