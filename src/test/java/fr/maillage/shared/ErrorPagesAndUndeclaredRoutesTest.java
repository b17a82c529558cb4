package fr.maillage.shared;

import java.net.http.HttpResponse;

import fr.maillage.shared.security.RouteAccess;
import fr.maillage.support.HttpSession;
import fr.maillage.support.TestSettings;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What people see when something goes wrong, and what happens to a route nobody declared.
 * Uses test-only routes, hence its own application context; the last test stops the
 * database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestSettings.DATA_DIR, TestSettings.DEMO_SIZE, TestSettings.CLOCK })
@AutoConfigureMockMvc
@Import(ErrorPagesAndUndeclaredRoutesTest.TestRoutes.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesAndUndeclaredRoutesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void showsTheFrenchNotFoundPageForAnUnknownAddress() throws Exception {
		HttpResponse<String> response = new HttpSession(this.port).get("/cette-page-n-existe-pas");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page introuvable").contains("Revenir à l’accueil");
	}

	@Test
	void showsAnIncidentIdButNeverAStackTraceWhenAPageFails(CapturedOutput output) throws Exception {
		HttpResponse<String> response = new HttpSession(this.port).get("/test-only/boom");
		assertThat(response.statusCode()).isEqualTo(500);
		String page = response.body();
		assertThat(page).contains("Une erreur est survenue")
			.doesNotContain("IllegalStateException")
			.doesNotContain("fr.maillage")
			.doesNotContain("Secret internal detail");
		String incident = page.replaceAll("(?s).*Référence de l’incident : ([0-9A-F]{4}-[0-9A-F]{4}).*", "$1");
		assertThat(incident).matches("[0-9A-F]{4}-[0-9A-F]{4}");
		// The operator finds the same id next to the stack trace in the log.
		assertThat(output).contains("Incident " + incident).contains("Secret internal detail");
	}

	@Test
	void answersAnApiFailureWithAnIncidentIdInJson() throws Exception {
		this.mvc.perform(get("/test-only/api-boom"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.incident").isString())
			.andExpect(jsonPath("$.detail", containsString("Une erreur inattendue est survenue")))
			.andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("Secret internal detail"))));
	}

	@Test
	void refusesAControllerRouteThatNoModuleDeclared() throws Exception {
		HttpSession visitor = new HttpSession(this.port);
		assertThat(visitor.get("/test-only/undeclared").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/connexion"));

		HttpSession admin = new HttpSession(this.port);
		assertThat(admin.signIn("conseillere.caf66@maillage.example", "Maillage-demo-2026")).endsWith("/espace");
		HttpResponse<String> refused = admin.get("/test-only/undeclared");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Accès refusé");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void reportsHealthUpOnlyWhileTheDatabaseAnswers() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.context.getBean(fr.maillage.database.EmbeddedPostgresServer.class).close();
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"));
	}

	@TestConfiguration
	static class TestRoutes {

		@Bean
		RouteAccess testOnlyRoutes() {
			return routes -> routes.requestMatchers(HttpMethod.GET, "/test-only/boom", "/test-only/api-boom")
				.permitAll();
		}

		@Bean
		FailingPage failingPage() {
			return new FailingPage();
		}

		@Bean
		FailingApi failingApi() {
			return new FailingApi();
		}

	}

	@Controller
	static class FailingPage {

		@GetMapping("/test-only/boom")
		String boom() {
			throw new IllegalStateException("Secret internal detail");
		}

		@GetMapping("/test-only/undeclared")
		String undeclared() {
			return "site/home";
		}

	}

	@RestController
	static class FailingApi {

		@GetMapping("/test-only/api-boom")
		String boom() {
			throw new IllegalStateException("Secret internal detail");
		}

	}

}
