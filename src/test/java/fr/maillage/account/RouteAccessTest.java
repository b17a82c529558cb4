package fr.maillage.account;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route the application serves has an explicit access rule. The table below is the
 * contract: a new controller route fails this test until it is added here, with who may
 * use it, and the rule is checked by calling the route.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class RouteAccessTest {

	enum Access {

		/** Anyone, without signing in. */
		PUBLIC,
		/** Any signed-in person; anonymous visitors are sent to the sign-in page. */
		SIGNED_IN,
		/**
		 * The national administration only: anonymous visitors are sent to the sign-in
		 * page, other roles refused (403).
		 */
		NATIONAL_ADMIN_ONLY

	}

	/** "METHOD path" → who may call it. Path variables get the sample values below. */
	static final Map<String, Access> ROUTES = Map.ofEntries(Map.entry("GET /", Access.PUBLIC),
			Map.entry("GET /mentions-legales", Access.PUBLIC), Map.entry("GET /donnees-personnelles", Access.PUBLIC),
			Map.entry("GET /accessibilite", Access.PUBLIC), Map.entry("GET /connexion", Access.PUBLIC),
			Map.entry("GET /espace", Access.SIGNED_IN), Map.entry("GET /api/v1/territories/regions", Access.PUBLIC),
			Map.entry("GET /api/v1/territories/departements", Access.PUBLIC),
			Map.entry("GET /api/v1/territories/departements/{code}", Access.PUBLIC),
			Map.entry("GET /api/v1/territories/communes", Access.PUBLIC),
			Map.entry("GET /admin/courriels", Access.NATIONAL_ADMIN_ONLY),
			Map.entry("GET /admin/courriels/{id}", Access.NATIONAL_ADMIN_ONLY),
			Map.entry("GET /admin/courriels/{id}/html", Access.NATIONAL_ADMIN_ONLY));

	/** Path variables get these values; {@code {id}} is that of {@link #sampleEmail}. */
	static final Map<String, String> SAMPLE_VALUES = Map.of("{code}", "66");

	/**
	 * Spring's own error endpoint serves every method; it only renders the error page.
	 */
	static final Set<String> FRAMEWORK_ROUTES = Set.of("/error");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping controllers;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	/**
	 * An e-mail of the outbox, so that its pages answer 200 to those allowed to read it.
	 */
	long sampleEmail;

	@BeforeEach
	void queueAnEmail() {
		this.sampleEmail = this.transactions
			.execute(transaction -> this.outbox.enqueue(OutgoingEmail.passwordReset("routes@maillage.example",
					URI.create("https://maillage.example/mot-de-passe/x"), Instant.EPOCH)));
	}

	@Test
	void everyControllerRouteHasADeclaredAccessRule() {
		Set<String> served = new TreeSet<>();
		this.controllers.getHandlerMethods().keySet().forEach(mapping -> {
			Set<String> paths = mapping.getPatternValues();
			Set<org.springframework.web.bind.annotation.RequestMethod> methods = mapping.getMethodsCondition()
				.getMethods();
			for (String path : paths) {
				if (FRAMEWORK_ROUTES.contains(path)) {
					continue;
				}
				assertThat(methods).as("route %s must name its HTTP method", path).isNotEmpty();
				methods.forEach(method -> served.add(method.name() + " " + path));
			}
		});
		assertThat(served).containsExactlyInAnyOrderElementsOf(new TreeMap<>(ROUTES).keySet());
	}

	@Test
	void anonymousVisitorsReachPublicRoutesAndAreSentToSignInForTheOthers() throws Exception {
		for (Map.Entry<String, Access> route : ROUTES.entrySet()) {
			MvcResult result = call(route.getKey(), false);
			int status = result.getResponse().getStatus();
			String location = result.getResponse().getRedirectedUrl();
			if (route.getValue() == Access.PUBLIC) {
				assertThat(status).as(route.getKey()).isNotIn(401, 403);
				assertThat(location).as(route.getKey()).isNull();
			}
			else {
				assertThat(location).as(route.getKey()).endsWith("/connexion");
			}
		}
	}

	@Test
	void eachRoleReachesTheRoutesItIsAllowedAndIsRefusedTheOthers() throws Exception {
		for (Role role : Role.values()) {
			for (Map.Entry<String, Access> route : ROUTES.entrySet()) {
				int status = call(route.getKey(), true, role).getResponse().getStatus();
				if (route.getValue() == Access.NATIONAL_ADMIN_ONLY && role != Role.NATIONAL_ADMIN) {
					assertThat(status).as(role + " " + route.getKey()).isEqualTo(403);
				}
				else {
					assertThat(status).as(role + " " + route.getKey()).isLessThan(400);
				}
			}
		}
	}

	private MvcResult call(String route, boolean signedIn, Role... roles) throws Exception {
		String[] parts = route.split(" ", 2);
		String path = parts[1];
		for (Map.Entry<String, String> sample : SAMPLE_VALUES.entrySet()) {
			path = path.replace(sample.getKey(), sample.getValue());
		}
		path = path.replace("{id}", String.valueOf(this.sampleEmail));
		var builder = request(HttpMethod.valueOf(parts[0]), path).with(csrf());
		if (path.equals("/api/v1/territories/communes")) {
			builder.param("departement", "66");
		}
		if (signedIn) {
			AccountPrincipal principal = new AccountPrincipal(0, "test@maillage.example", "", true, "Personne de test",
					Set.of(roles),
					java.util.Arrays.stream(roles)
						.map(role -> new org.springframework.security.core.authority.SimpleGrantedAuthority(
								role.authority()))
						.toList());
			builder.with(user(principal));
		}
		return this.mvc.perform(builder).andReturn();
	}

}
