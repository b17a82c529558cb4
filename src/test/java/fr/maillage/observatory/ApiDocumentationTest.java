package fr.maillage.observatory;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.support.MaillageIntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI 3.1 document of the API is valid, covers every route under {@code /api/v1}
 * and only those, documents the observatory's parameters in French; the documentation
 * page renders it without script.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class ApiDocumentationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void theDocumentIsValidOpenApi31WithTheObservatoryRoutesAndTheirParameters() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode root = this.json.readTree(document);
		assertThat(root.path("openapi").asString()).startsWith("3.1");
		assertThat(root.path("info").path("title").asString()).isEqualTo("API ouverte de Maillage");
		assertThat(root.path("info").path("description").asString()).contains("Licence Ouverte 2.0");
		assertThat(root.path("info").path("license").path("name").asString()).isEqualTo("Licence Ouverte 2.0");
		assertThat(root.path("info").path("license").path("url").asString()).isEqualTo(OpenDataLicence.URL);

		JsonNode paths = root.path("paths");
		List<String> names = new ArrayList<>(paths.propertyNames());
		assertThat(names).contains("/api/v1/indicators", "/api/v1/figures", "/api/v1/figures/versions",
				"/api/v1/comparison", "/api/v1/territories/regions", "/api/v1/questionnaires", "/api/v1/structures");
		assertThat(names).allMatch(path -> path.startsWith("/api/v1/"));
		assertThat(parameters(paths.path("/api/v1/figures").path("get"))).containsExactly("territory", "year",
				"version");
		assertThat(parameters(paths.path("/api/v1/figures/versions").path("get"))).containsExactly("territory", "year");
		assertThat(parameters(paths.path("/api/v1/comparison").path("get"))).containsExactly("territory", "like",
				"year");
		JsonNode territory = paths.path("/api/v1/figures").path("get").path("parameters").get(0);
		assertThat(territory.path("required").asBoolean()).isTrue();
		assertThat(territory.path("description").asString()).contains("departement:66");
		JsonNode compared = paths.path("/api/v1/comparison").path("get").path("parameters").get(0);
		assertThat(compared.path("schema").path("type").asString()).isEqualTo("array");
		assertThat(compared.path("schema").path("maxItems").asInt()).isEqualTo(Comparisons.MAX);
		assertThat(paths.path("/api/v1/figures").path("get").path("responses").path("200").path("headers").has("ETag"))
			.isTrue();
		assertThat(root.path("components").path("schemas").path("ApiFigure").path("properties").has("secret")).isTrue();

		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
		assertThat(parsed.getMessages()).as("OpenAPI validation messages").isEmpty();
		assertThat(parsed.getOpenAPI().getSpecVersion()).hasToString("V31");
		assertThat(parsed.getOpenAPI().getPaths().get("/api/v1/figures").getGet().getParameters()).hasSize(3);
	}

	@Test
	void theDocumentationPageListsEveryRouteWithExamplesLicenceAndCachingWithoutScript() throws Exception {
		this.mvc.perform(get("/api/documentation"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<code>GET /api/v1/figures</code>")))
			.andExpect(content().string(containsString("<code>GET /api/v1/comparison</code>")))
			.andExpect(content().string(containsString("<code>GET /api/v1/territories/regions</code>")))
			.andExpect(content().string(containsString("/api/v1/figures?territory=departement:66&amp;year=2024")))
			.andExpect(content()
				.string(containsString("/api/v1/comparison?territory=departement:66&amp;territory=region:76")))
			.andExpect(content().string(containsString("rel=\"license\"")))
			.andExpect(content().string(containsString("Licence Ouverte 2.0")))
			.andExpect(content().string(containsString("If-None-Match")))
			.andExpect(content().string(containsString("Access-Control-Allow-Origin")))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
	}

	private static List<String> parameters(JsonNode operation) {
		List<String> names = new ArrayList<>();
		operation.path("parameters").forEach(parameter -> names.add(parameter.path("name").asString()));
		return names;
	}

}
