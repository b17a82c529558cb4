package fr.maillage.observatory;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heading of the OpenAPI 3.1 document springdoc writes at {@code /v3/api-docs} for
 * every route under {@code /api/v1} (ADR 23): title, French description, licence of the
 * data, version of the API.
 */
@Configuration(proxyBeanMethods = false)
class ApiOpenApiConfiguration {

	static final String DESCRIPTION = "API ouverte de Maillage, l’observatoire et la plateforme du réseau de "
			+ "l’animation de la vie sociale : indicateurs et chiffres clés par territoire et par année, "
			+ "comparaisons, annuaire des centres sociaux et espaces de vie sociale, questionnaires publiés et "
			+ "géographie officielle. Sans inscription ni clé. Les données sont publiées sous Licence Ouverte 2.0 "
			+ "(Etalab) : réutilisation libre, en citant la source. Les valeurs couvertes par le secret statistique "
			+ "valent null, avec leur raison. Chaque réponse porte une étiquette ETag forte et doit être revalidée "
			+ "(Cache-Control: no-cache) : If-None-Match donne 304 tant que rien n’a changé. Les requêtes GET sont "
			+ "permises depuis toute origine (CORS).";

	@Bean
	OpenAPI maillageOpenApi() {
		return new OpenAPI().info(new Info().title("API ouverte de Maillage")
			.description(DESCRIPTION)
			.version("v1")
			.license(new License().name(OpenDataLicence.NAME).url(OpenDataLicence.URL)));
	}

}
