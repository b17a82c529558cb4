package fr.maillage.observatory;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heading of the OpenAPI 3.1 document springdoc writes at {@code /v3/api-docs} for
 * every route under {@code /api/v1} (ADR 23): title, French description, licence of the
 * data, version of the API; the caching and licence headers of the observatory's answers;
 * and nullable references written as 3.1 wants them.
 */
@Configuration(proxyBeanMethods = false)
class ApiOpenApiConfiguration {

	static final String DESCRIPTION = "API ouverte de Maillage, l’observatoire et la plateforme du réseau de "
			+ "l’animation de la vie sociale : indicateurs et chiffres clés par territoire et par année, "
			+ "comparaisons, annuaire des centres sociaux et espaces de vie sociale, questionnaires publiés et "
			+ "géographie officielle. Sans inscription ni clé. Les données sont publiées sous Licence Ouverte 2.0 "
			+ "(Etalab) : réutilisation libre, en citant la source. Les valeurs couvertes par le secret statistique "
			+ "valent null, avec leur raison. Les réponses de l’observatoire portent une étiquette ETag forte et "
			+ "doivent être revalidées (Cache-Control: no-cache) : If-None-Match donne 304 tant que rien n’a "
			+ "changé. Les requêtes GET sont permises depuis toute origine (CORS).";

	@Bean
	OpenAPI maillageOpenApi() {
		return new OpenAPI().info(new Info().title("API ouverte de Maillage")
			.description(DESCRIPTION)
			.version("v1")
			.license(new License().name(OpenDataLicence.NAME).url(OpenDataLicence.URL)));
	}

	/** The headers every answer of the observatory's API carries. */
	@Bean
	OperationCustomizer openDataResponseHeaders() {
		return (operation, handler) -> {
			ApiResponse ok = (operation.getResponses() != null) ? operation.getResponses().get("200") : null;
			if (handler.getBeanType() == OpenDataApiController.class && ok != null) {
				ok.setDescription("Réponse JSON, sous Licence Ouverte 2.0.");
				ok.addHeaderObject("ETag",
						header("Étiquette forte, empreinte du corps de la réponse : la renvoyer dans If-None-Match "
								+ "pour recevoir 304 tant que rien n’a changé."));
				ok.addHeaderObject("Cache-Control", header("no-cache, public : revalider à chaque usage."));
				ok.addHeaderObject("Link",
						header("La licence des données : <" + OpenDataLicence.URL + ">; rel=\"license\"."));
			}
			return operation;
		};
	}

	/**
	 * A nullable object property is written by swagger-core as a reference with a
	 * {@code null} type beside it, which in OpenAPI 3.1 allows only null: made
	 * {@code oneOf} the reference or null.
	 */
	@Bean
	OpenApiCustomizer nullableReferences() {
		return openApi -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
				@SuppressWarnings("rawtypes")
				Map<String, Schema> properties = schema.getProperties();
				if (properties != null) {
					properties.replaceAll((name, property) -> nullableReference(property));
				}
			}
		};
	}

	@SuppressWarnings("rawtypes")
	private static Schema nullableReference(Schema property) {
		boolean nullType = "null".equals(property.getType())
				|| (property.getTypes() != null && property.getTypes().contains("null"));
		if (property.get$ref() == null || !nullType) {
			return property;
		}
		Schema<?> nullable = new JsonSchema()
			.oneOf(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of("null"))));
		nullable.setDescription(property.getDescription());
		return nullable;
	}

	private static Header header(String description) {
		return new Header().description(description).schema(new JsonSchema().types(Set.of("string")));
	}

}
