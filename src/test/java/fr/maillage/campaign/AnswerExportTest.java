package fr.maillage.campaign;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import fr.maillage.support.MaillageIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The answers of a crafted campaign as files: long and wide, CSV and XLSX (read back with
 * POI), within the reader's territory.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class AnswerExportTest {

	static final String ADMIN = "admin@maillage.example";

	static final String CAF_66 = "conseillere.caf66@maillage.example";

	private static final AtomicInteger YEARS = new AtomicInteger(2460);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	private CampaignFixtures fixtures;

	private int year;

	private long in66;

	private long in69;

	private String name66;

	@BeforeEach
	void twoResponses() {
		this.fixtures = new CampaignFixtures(this.jdbc);
		this.year = YEARS.getAndIncrement();
		long campaign = this.fixtures.campaign(this.year, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 2, 28));
		this.in66 = this.fixtures.structuresWithoutAccounts("66", "CS", 1).getFirst();
		this.in69 = this.fixtures.structuresWithoutAccounts("69", "CS", 1).getFirst();
		this.name66 = this.jdbc.sql("select name from structure where id = ?")
			.param(this.in66)
			.query(String.class)
			.single();
		long response66 = this.fixtures.response(campaign, this.in66, ResponseStatus.SUBMITTED);
		this.fixtures.answer(response66, "jours_ouverture", 0, "210");
		this.fixtures.answer(response66, "etp_salaries", 0, "3.5");
		this.fixtures.answer(response66, "partenaire_nom", 0, "Mairie");
		this.fixtures.answer(response66, "partenaire_nom", 1, "=Collège");
		long response69 = this.fixtures.response(campaign, this.in69, ResponseStatus.IN_PROGRESS);
		this.fixtures.answer(response69, "jours_ouverture", 0, "180");
		// A response without any answer still has its line in the wide format.
		this.fixtures.response(campaign, this.fixtures.structuresWithoutAccounts("66", "CS", 2).get(1),
				ResponseStatus.NOT_STARTED);
	}

	@AfterEach
	void removeTheCampaign() {
		this.fixtures.remove(this.year, this.year);
	}

	private RequestPostProcessor as(String email) {
		return user(this.accounts.loadUserByUsername(email));
	}

	private byte[] export(String email, String format, String type) throws Exception {
		return this.mvc
			.perform(get("/suivi/export").param("annee", Integer.toString(this.year))
				.param("format", format)
				.param("type", type)
				.with(as(email)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"reponses-" + this.year + "-" + format + "." + type + "\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private static List<String> lines(byte[] csv) {
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return Arrays.asList(text.substring(1).split("\r\n"));
	}

	@Test
	void theLongFormatHasOneLinePerAnswer() throws Exception {
		List<String> lines = lines(export(ADMIN, "long", "csv"));
		assertThat(lines.getFirst()).isEqualTo("structure_id;structure;departement;annee;statut;code;item;valeur");
		String prefix66 = this.in66 + ";" + this.name66 + ";66;" + this.year + ";SUBMITTED;";
		assertThat(lines).contains(prefix66 + "jours_ouverture;0;210", prefix66 + "etp_salaries;0;3.5",
				prefix66 + "partenaire_nom;0;Mairie", prefix66 + "partenaire_nom;1;'=Collège");
		assertThat(lines).anyMatch(line -> line.startsWith(this.in69 + ";") && line.endsWith(";jours_ouverture;0;180"));
		assertThat(lines).hasSize(1 + 5);
		// In the questionnaire's order: jours_ouverture comes before etp_salaries.
		assertThat(lines.indexOf(prefix66 + "jours_ouverture;0;210"))
			.isLessThan(lines.indexOf(prefix66 + "etp_salaries;0;3.5"));
	}

	@Test
	void theWideFormatHasOneLinePerStructureAndOneColumnPerQuestion() throws Exception {
		List<String> lines = lines(export(ADMIN, "large", "csv"));
		List<String> header = Arrays.asList(lines.getFirst().split(";", -1));
		assertThat(header).containsSubsequence("structure_id", "structure", "departement", "annee", "statut",
				"jours_ouverture", "etp_salaries", "partenaire_nom#0", "partenaire_nom#1");
		assertThat(header).hasSize(5 + 4);
		assertThat(lines).hasSize(1 + 3);
		String line66 = lines.stream().filter(l -> l.startsWith(this.in66 + ";")).findFirst().orElseThrow();
		List<String> cells = Arrays.asList(line66.split(";", -1));
		assertThat(cells.get(header.indexOf("jours_ouverture"))).isEqualTo("210");
		assertThat(cells.get(header.indexOf("etp_salaries"))).isEqualTo("3.5");
		assertThat(cells.get(header.indexOf("partenaire_nom#0"))).isEqualTo("Mairie");
		assertThat(cells.get(header.indexOf("partenaire_nom#1"))).isEqualTo("'=Collège");
		String line69 = lines.stream().filter(l -> l.startsWith(this.in69 + ";")).findFirst().orElseThrow();
		assertThat(Arrays.asList(line69.split(";", -1)).get(header.indexOf("etp_salaries"))).isEmpty();
		assertThat(lines).anyMatch(l -> l.contains(";NOT_STARTED;;;;"));
	}

	@Test
	void theWorkbooksOpenAndHoldTheSameAnswers() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export(ADMIN, "large", "xlsx")))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> header = new ArrayList<>();
			sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
			assertThat(header).contains("jours_ouverture", "partenaire_nom#1");
			Row row66 = null;
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && (long) row.getCell(0).getNumericCellValue() == this.in66) {
					row66 = row;
				}
			}
			assertThat(row66).isNotNull();
			assertThat(row66.getCell(header.indexOf("jours_ouverture")).getNumericCellValue()).isEqualTo(210.0);
			assertThat(row66.getCell(header.indexOf("etp_salaries")).getNumericCellValue()).isEqualTo(3.5);
			assertThat(row66.getCell(header.indexOf("partenaire_nom#1")).getStringCellValue()).isEqualTo("=Collège");
			assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(1 + 3);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export(CAF_66, "long", "xlsx")))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("code");
			List<Long> structures = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					structures.add((long) row.getCell(0).getNumericCellValue());
					assertThat(row.getCell(2).getStringCellValue()).isEqualTo("66");
				}
			}
			assertThat(structures).hasSize(4).containsOnly(this.in66);
		}
	}

	@Test
	void aCafAdvisorExportsHerDepartementOnly() throws Exception {
		List<String> lines = lines(export(CAF_66, "long", "csv"));
		assertThat(lines).hasSize(1 + 4).noneMatch(l -> l.startsWith(this.in69 + ";"));
		List<String> wide = lines(export(CAF_66, "large", "csv"));
		assertThat(wide).hasSize(1 + 2).noneMatch(l -> l.startsWith(this.in69 + ";"));
		this.mvc
			.perform(get("/suivi/export").param("annee", Integer.toString(this.year))
				.with(as("equipe.cs66@maillage.example")))
			.andExpect(status().isForbidden());
		this.mvc.perform(
				get("/suivi/export").param("annee", Integer.toString(this.year)).param("type", "pdf").with(as(ADMIN)))
			.andExpect(status().isBadRequest());
	}

}
