package fr.maillage.questionnaire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import fr.maillage.support.MaillageIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The national questionnaire is published at start-up; published versions are public,
 * immutable, and a broken file publishes nothing.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class QuestionnairePublicationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Questionnaires questionnaires;

	private long nationalId() {
		return this.jdbc.sql("select id from questionnaire_version where family = 'national' and version = '2026'")
			.query(Long.class)
			.single();
	}

	@Test
	void theNationalQuestionnaireIsPublishedOnceAndServedByTheApi() throws Exception {
		long id = nationalId();
		this.mvc.perform(get("/api/v1/questionnaires"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.family == 'national')].version").value(org.hamcrest.Matchers.contains("2026")));
		this.mvc.perform(get("/api/v1/questionnaires/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections[0].code").value("identite"))
			.andExpect(jsonPath("$.sections[0].questions[0].code").exists())
			.andExpect(jsonPath("$.sections[0].questions[0].type").exists())
			.andExpect(jsonPath("$.sections[0].questions[0].core").value(true));
		this.mvc.perform(get("/api/v1/questionnaires/999"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Aucun questionnaire publié ne porte le numéro 999."));
		// Publishing it again changes nothing.
		Questionnaires.Checked again = this.questionnaires.publish(NationalQuestionnaire.read(), null);
		assertThat(again.publishable()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from questionnaire_version where family = 'national'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPublishedVersionNeverChanges() {
		long id = nationalId();
		assertThatThrownBy(
				() -> this.jdbc.sql("update questionnaire_version set title = 'autre' where id = ?").param(id).update())
			.hasMessageContaining("never changes");
		assertThatThrownBy(() -> this.jdbc.sql("delete from questionnaire_version where id = ?").param(id).update())
			.hasMessageContaining("never changes");
	}

	@Test
	void aBrokenFileIsReportedAndNothingIsPublished() {
		long before = this.jdbc.sql("select count(*) from questionnaire_version").query(Long.class).single();
		String broken = NationalQuestionnaire.read()
			.replace("version: \"2026\"", "version: \"2027\"")
			.replaceFirst("type: integer", "type: nombre");
		Questionnaires.Checked checked = this.questionnaires.publish(broken, null);
		assertThat(checked.publishable()).isFalse();
		assertThat(checked.errors()).extracting(DefinitionError::message).contains("type « nombre » inconnu.");
		assertThat(this.jdbc.sql("select count(*) from questionnaire_version").query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void theNationalWorkbookEditedIsCheckedAndPublishedAsANewFamilyOnlyWhenClean() throws Exception {
		long before = this.jdbc.sql("select count(*) from questionnaire_version").query(Long.class).single();
		byte[] national = this.questionnaires.workbook(nationalId()).orElseThrow();
		byte[] broken = edit(national, "national_copie", "integer", "nombre");
		Questionnaires.Checked checked = this.questionnaires.publishWorkbook(broken, null);
		assertThat(checked.publishable()).isFalse();
		assertThat(checked.report()).anySatisfy(
				problem -> assertThat(problem).startsWith("survey, ligne 4, colonne A : type « nombre » inconnu"));
		assertThat(this.jdbc.sql("select count(*) from questionnaire_version").query(Long.class).single())
			.isEqualTo(before);

		Questionnaires.Checked published = this.questionnaires
			.publishWorkbook(edit(national, "national_copie", "integer", "integer"), null);
		assertThat(published.report()).isEmpty();
		String stored = this.jdbc.sql("select source from questionnaire_version where family = 'national_copie'")
			.query(String.class)
			.single();
		assertThat(new DefinitionReader().read(stored).withoutLines().sections())
			.isEqualTo(new DefinitionReader().read(NationalQuestionnaire.read()).withoutLines().sections());
	}

	/** The workbook with another family code and its first {@code from} type replaced. */
	private static byte[] edit(byte[] workbook, String family, String from, String to) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.getSheet("settings").getRow(1).getCell(0).setCellValue(family);
			for (Row row : book.getSheet("survey")) {
				if (from.equals(row.getCell(0).getStringCellValue())) {
					row.getCell(0).setCellValue(to);
					break;
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

}
