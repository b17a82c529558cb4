package fr.maillage.questionnaire;

import java.nio.charset.StandardCharsets;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A national administrator checks a definition file, sees its problems by line, publishes
 * it.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class QuestionnaireAdminPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	private MockMultipartFile file(String content) {
		return new MockMultipartFile("fichier", "essai.yaml", "application/yaml",
				content.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aBrokenFileShowsItsProblemsByLineAndACleanOneIsPublished() throws Exception {
		String broken = DefinitionReaderTest.SMALL.replace("type: integer", "type: entier");
		this.mvc
			.perform(multipart("/admin/questionnaires").file(file(broken))
				.param("publier", "true")
				.with(user(this.accounts.loadUserByUsername("admin@maillage.example")))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ligne 14 : type « entier » inconnu.")));
		assertThat(this.jdbc.sql("select count(*) from questionnaire_version where family = 'essai'")
			.query(Long.class)
			.single()).isZero();

		this.mvc
			.perform(multipart("/admin/questionnaires").file(file(DefinitionReaderTest.SMALL))
				.param("publier", "true")
				.with(user(this.accounts.loadUserByUsername("admin@maillage.example")))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/questionnaires"));
		assertThat(this.jdbc.sql("select count(*) from questionnaire_version where family = 'essai'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
