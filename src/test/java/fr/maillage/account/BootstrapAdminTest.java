package fr.maillage.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.support.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A new installation without demo data: the configured address becomes the first national
 * administrator, with a single-use link in the log to choose its password, and must then
 * set up a second factor.
 */
@SpringBootTest(properties = { TestSettings.DATA_DIR, TestSettings.CLOCK, "maillage.demo.mode=off",
		"maillage.bootstrap-admin-email= Premiere.Admin@Exemple.FR " })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BootstrapAdmin bootstrap;

	@Test
	void createsTheFirstNationalAdministratorOnceAndLogsAPasswordLink(CapturedOutput output) throws Exception {
		this.bootstrap.createFirstAdministrator();
		assertThat(this.jdbc.sql("""
				select u.email || ' ' || r.role || ' ' || r.scope_kind from app_user u
				join role_assignment r on r.user_id = u.id""").query(String.class).list())
			.containsExactly("premiere.admin@exemple.fr NATIONAL_ADMIN NATION");

		Matcher link = Pattern.compile("/mot-de-passe/([A-Za-z0-9_-]{20,})").matcher(output.getAll());
		assertThat(link.find()).as("a link in the log").isTrue();
		this.mvc.perform(get("/mot-de-passe/" + link.group(1))).andExpect(status().isOk());
		this.mvc
			.perform(post("/mot-de-passe/" + link.group(1)).with(csrf())
				.param("password", "Premier-jardin-2026")
				.param("confirmation", "Premier-jardin-2026"))
			.andExpect(redirectedUrl("/connexion"));
		this.mvc
			.perform(post("/connexion").with(csrf())
				.param("email", "premiere.admin@exemple.fr")
				.param("motDePasse", "Premier-jardin-2026"))
			.andExpect(redirectedUrl("/espace"));
	}

}
