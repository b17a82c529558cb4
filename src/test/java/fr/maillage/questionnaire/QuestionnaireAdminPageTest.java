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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A national administrator checks a definition file or workbook, sees its problems by
 * line (or sheet, row and column), publishes it; downloads a published version as a
 * workbook.
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

	private MockMultipartFile workbook(byte[] content) {
		return new MockMultipartFile("fichier", "essai.xlsx", QuestionnaireAdminController.XLSX_TYPE, content);
	}

	private ResultActions upload(MockMultipartFile file, boolean publish) throws Exception {
		return this.mvc.perform(multipart("/admin/questionnaires").file(file)
			.param("publier", Boolean.toString(publish))
			.with(user(this.accounts.loadUserByUsername("admin@maillage.example")))
			.with(csrf()));
	}

	private long versions(String family) {
		return this.jdbc.sql("select count(*) from questionnaire_version where family = ?")
			.param(family)
			.query(Long.class)
			.single();
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

	@Test
	void aBrokenWorkbookShowsItsProblemsByCellAndACleanOneIsPublishedAsYaml() throws Exception {
		String survey = WorkbookDefinitionReaderTest.SURVEY.replace("integer|jours_ouverture",
				"integr|jours_ouverture");
		byte[] broken = TestWorkbooks.workbook("survey", survey, "choices", WorkbookDefinitionReaderTest.CHOICES,
				"settings", WorkbookDefinitionReaderTest.SETTINGS, "rules", WorkbookDefinitionReaderTest.RULES);
		upload(workbook(broken), true).andExpect(status().isOk())
			.andExpect(content().string(containsString("survey, ligne 3, colonne A : type « integr » inconnu")));
		assertThat(versions("essai_classeur")).isZero();

		upload(workbook(WorkbookDefinitionReaderTest.crafted()), false).andExpect(status().isOk())
			.andExpect(content().string(containsString("version « 1 », 12 questions")));
		assertThat(versions("essai_classeur")).isZero();

		upload(workbook(WorkbookDefinitionReaderTest.crafted()), true)
			.andExpect(redirectedUrl("/admin/questionnaires"));
		String stored = this.jdbc.sql("select source from questionnaire_version where family = 'essai_classeur'")
			.query(String.class)
			.single();
		assertThat(stored).startsWith("# Written by Maillage from a workbook.");
		Definition published = new DefinitionReader().read(stored);
		Definition uploaded = new WorkbookDefinitionReader().read(WorkbookDefinitionReaderTest.crafted());
		assertThat(published.withoutLines()).isEqualTo(uploaded.withoutLines());
	}

	@Test
	void aFileThatIsNotAReadableWorkbookGetsAFrenchMessageAndNothingIsPublished() throws Exception {
		long before = this.jdbc.sql("select count(*) from questionnaire_version").query(Long.class).single();
		byte[] notAZip = "PK\u0003\u0004 et la suite".getBytes(StandardCharsets.ISO_8859_1);
		upload(workbook(notAZip), true).andExpect(status().isOk())
			.andExpect(content().string(containsString("pas un classeur XLSX lisible")));
		byte[] oldExcel = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		upload(new MockMultipartFile("fichier", "ancien.xls", "application/vnd.ms-excel", oldExcel), true)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ancien format .xls")));
		assertThat(this.jdbc.sql("select count(*) from questionnaire_version").query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void thePublishedNationalQuestionnaireDownloadsAsAWorkbookThatReadsBackTheSame() throws Exception {
		long id = this.jdbc.sql("select id from questionnaire_version where family = 'national' and version = '2026'")
			.query(Long.class)
			.single();
		MvcResult result = this.mvc
			.perform(get("/admin/questionnaires/" + id + "/classeur.xlsx")
				.with(user(this.accounts.loadUserByUsername("admin@maillage.example"))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(QuestionnaireAdminController.XLSX_TYPE))
			.andExpect(header().string("Content-Disposition", containsString("questionnaire-national-2026.xlsx")))
			.andReturn();
		WorkbookDefinitionReader reader = new WorkbookDefinitionReader();
		Definition downloaded = reader.read(result.getResponse().getContentAsByteArray());
		assertThat(reader.errors()).isEmpty();
		assertThat(downloaded.withoutLines())
			.isEqualTo(new DefinitionReader().read(NationalQuestionnaire.read()).withoutLines());
		this.mvc
			.perform(get("/admin/questionnaires/999999/classeur.xlsx")
				.with(user(this.accounts.loadUserByUsername("admin@maillage.example"))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/admin/questionnaires/" + id + "/classeur.xlsx")
				.with(user(this.accounts.loadUserByUsername("direction.cs66@maillage.example"))))
			.andExpect(status().isForbidden());
	}

}
