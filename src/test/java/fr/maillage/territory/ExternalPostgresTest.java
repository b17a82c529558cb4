package fr.maillage.territory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application on an external PostgreSQL (any version from 15), as given by
 * {@code MAILLAGE_TEST_EXTERNAL_DB_URL} (and {@code _USERNAME}, {@code _PASSWORD}).
 * {@code .ci/run} starts the machine's PostgreSQL 15 and sets them.
 */
@SpringBootTest(properties = "maillage.fixed-clock=2026-11-27T10:00:00Z")
@AutoConfigureMockMvc
@EnabledIfEnvironmentVariable(named = "MAILLAGE_TEST_EXTERNAL_DB_URL", matches = ".+")
class ExternalPostgresTest {

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> System.getenv("MAILLAGE_TEST_EXTERNAL_DB_URL"));
		registry.add("spring.datasource.username", () -> System.getenv("MAILLAGE_TEST_EXTERNAL_DB_USERNAME"));
		registry.add("spring.datasource.password", () -> System.getenv("MAILLAGE_TEST_EXTERNAL_DB_PASSWORD"));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void migratesTheExternalDatabaseAndServesTheGeography() throws Exception {
		assertThat(this.context.getBeanNamesForType(fr.maillage.database.EmbeddedPostgresServer.class)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
			.isGreaterThanOrEqualTo(4L);
		assertThat(this.jdbc.sql("select current_setting('server_version_num')::int").query(Integer.class).single())
			.isGreaterThanOrEqualTo(150000);

		this.mvc.perform(get("/api/v1/territories/departements"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(101)))
			.andExpect(jsonPath("$[?(@.code == '66')].name", hasItem("Pyrénées-Orientales")));
		this.mvc.perform(get("/api/v1/territories/regions")).andExpect(jsonPath("$", hasSize(18)));
		this.mvc.perform(get("/api/v1/territories/communes").param("departement", "974"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(24)));
	}

	@Test
	void loadsNoDemoDataOnAnExternalDatabaseUnlessAsked() {
		assertThat(this.jdbc.sql("select count(*) from demo_data_run").query(Long.class).single()).isZero();
	}

}
