package fr.maillage.account;

import java.io.IOException;
import java.net.http.HttpResponse;

import fr.maillage.MaillageApplication;
import fr.maillage.database.EmbeddedPostgresServer;
import fr.maillage.support.HttpSession;
import fr.maillage.support.MaillageIntegrationTest;
import fr.maillage.support.SecondInstance;
import fr.maillage.support.TestSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in the database (ADR 11): a person who signed in on one instance is still
 * signed in when the load balancer sends the next request to another one.
 */
@MaillageIntegrationTest
class SessionsAcrossInstancesTest {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedPostgresServer database;

	@Test
	void aPersonSignedInOnOneInstanceIsSignedInOnAnotherOnTheSameDatabase() throws Exception {
		try (ConfigurableApplicationContext second = SecondInstance.start(this.database.jdbcUrl("maillage"))) {
			int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			HttpSession visitor = new HttpSession(this.port);
			assertThat(visitor.signIn("conseillere.caf66@maillage.example", DemoAccounts.PASSWORD)).endsWith("/espace");

			HttpResponse<String> there = visitor.onPort(secondPort).get("/espace");
			assertThat(there.statusCode()).isEqualTo(200);
			assertThat(there.body()).contains("Bonjour Inès Roca");

			// Signing out there ends the session here too.
			assertThat(visitor.onPort(secondPort).signOut()).endsWith("/?deconnecte");
			assertThat(visitor.get("/espace").headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/connexion"));
		}
	}

}
