package fr.maillage.account;

import java.io.IOException;
import java.net.http.HttpResponse;

import fr.maillage.MaillageApplication;
import fr.maillage.database.EmbeddedPostgresServer;
import fr.maillage.support.HttpSession;
import fr.maillage.support.MaillageIntegrationTest;
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
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(MaillageApplication.class)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton("applicationClassesOnly", new ApplicationClassesOnly()))
			// Arguments, which win over application.properties (default properties do
			// not).
			.run("--server.port=0", "--spring.datasource.url=" + this.database.jdbcUrl("maillage"),
					"--" + TestSettings.CLOCK)) {
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

	/**
	 * The second instance is a plain application: without this, its component scan would
	 * also pick up the test-only controllers and configurations of other test classes.
	 */
	static final class ApplicationClassesOnly extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURL().toString().contains("/test-classes/");
		}

	}

}
