package fr.maillage.observatory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.maillage.observatory.CoverageFixtures.Lozere;
import fr.maillage.support.MaillageIntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public coverage pages and files, without signing in, on structures of our own in
 * the Lozère.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class CoveragePagesTest {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Coverage coverage;

	private Lozere lozere;

	@BeforeEach
	void insertStructures() {
		this.lozere = CoverageFixtures.insert(this.jdbc);
	}

	@AfterEach
	void deleteStructures() {
		CoverageFixtures.delete(this.jdbc, this.lozere);
	}

	@Test
	void thePageShowsTheMapItsLegendAndTheTableOfEveryDepartement() throws Exception {
		this.mvc.perform(get("/observatoire/couverture"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Couverture des territoires</h1>"),
					containsString("<svg"), containsString("Part des habitants sans structure, par département"),
					containsString("<caption>Couverture des territoires par département</caption>"),
					containsString("href=\"/observatoire/couverture/departements/48\">Lozère (48)</a>"),
					containsString("href=\"/observatoire/couverture/departements/2A\">Corse-du-Sud (2A)</a>"),
					containsString("France entière"),
					containsString("<option value=\"population-non-desservie\" selected=\"selected\""),
					containsString("href=\"/observatoire/couverture.csv\""),
					containsString("href=\"/observatoire/couverture.xlsx\""))));
	}

	@Test
	void theMeasureIsChosenByAGetParameterAndAnUnknownOneShowsTheFirst() throws Exception {
		this.mvc.perform(get("/observatoire/couverture").param("mesure", "habitants-par-structure"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Habitants par structure, par département"),
					containsString("<option value=\"habitants-par-structure\" selected=\"selected\""),
					containsString("Aucune structure"))));
		this.mvc.perform(get("/observatoire/couverture").param("mesure", "structures-rurales"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Part des structures en milieu rural, par département")));
		this.mvc.perform(get("/observatoire/couverture").param("mesure", "<script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Part des habitants sans structure, par département"),
					not(containsString("<script>")))));
	}

	@Test
	void aDepartementsPageShowsItsFiguresAndItsMostPopulatedUnservedCommunes() throws Exception {
		CoverageFigures figures = this.coverage.departement("48").orElseThrow();
		String page = this.mvc.perform(get("/observatoire/couverture/departements/48"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<h1>Couverture des territoires : Lozère (48)</h1>",
				"Les 50 communes sans structure les plus peuplées, sur " + figures.unservedCommunes(),
				"<th scope=\"row\">Marvejols</th>", "<td>48092</td>", "2 : 1 centre social et 1 espace de vie sociale",
				"href=\"/observatoire/couverture/departements/48.csv\"", "href=\"/annuaire?departement=48\"");
		assertThat(page).doesNotContain("<td>48095</td>", "<td>48149</td>");
		assertThat(page.split("<tr>").length - 2).as("rows of the communes' table").isEqualTo(50);
	}

	@Test
	void anUnknownDepartementIsNotFound() throws Exception {
		for (String path : List.of("/observatoire/couverture/departements/99",
				"/observatoire/couverture/departements/99.csv", "/observatoire/couverture/departements/99.xlsx")) {
			this.mvc.perform(get(path)).andExpect(status().isNotFound());
		}
	}

	@Test
	void theDepartementsTableDownloadsAsCsvForFrenchSpreadsheets() throws Exception {
		CoverageFigures lozere = this.coverage.departement("48").orElseThrow();
		MvcResult result = this.mvc.perform(get("/observatoire/couverture.csv"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"couverture-territoires-2026-11-27.csv\""))
			.andReturn();
		String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFcode_departement;departement;communes;communes_non_desservies;");
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(102);
		String share = String.format(java.util.Locale.ROOT, "%.1f", lozere.unservedPopulationShare()).replace('.', ',');
		assertThat(lines).contains(
				"48;Lozère;%d;%d;%s;%d;%d;%s;1;1;2;%d;1;50,0".formatted(lozere.communes(), lozere.unservedCommunes(),
						String.format(java.util.Locale.ROOT, "%.1f", lozere.unservedCommuneShare()).replace('.', ','),
						lozere.population(), lozere.unservedPopulation(), share, lozere.populationPerStructure()));
		assertThat(csv).contains("\r\n");
	}

	@Test
	void theDepartementsTableDownloadsAsAWorkbookWithNumberCells() throws Exception {
		CoverageFigures lozere = this.coverage.departement("48").orElseThrow();
		MvcResult result = this.mvc.perform(get("/observatoire/couverture.xlsx"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"couverture-territoires-2026-11-27.xlsx\""))
			.andReturn();
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(101);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("code_departement");
			Row row = findRow(sheet, "48");
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Lozère");
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(lozere.communes());
			assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(lozere.unservedPopulation());
			assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(2);
			assertThat(row.getCell(13).getNumericCellValue()).isEqualTo(50.0);
			// Codes stay text: « 01 » keeps its zero, « 2A » is a code.
			assertThat(findRow(sheet, "01").getCell(0).getStringCellValue()).isEqualTo("01");
		}
	}

	@Test
	void aDepartementsUnservedCommunesDownloadInFull() throws Exception {
		CoverageFigures lozere = this.coverage.departement("48").orElseThrow();
		MvcResult result = this.mvc.perform(get("/observatoire/couverture/departements/48.csv"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"communes-sans-structure-48-2026-11-27.csv\""))
			.andReturn();
		List<String> lines = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).lines()
			.toList();
		assertThat(lines.getFirst()).isEqualTo("\uFEFFcode_insee;commune;population");
		assertThat(lines).hasSize((int) lozere.unservedCommunes() + 1);
		assertThat(lines.get(1)).isEqualTo("48092;Marvejols;4764");
		assertThat(lines).noneMatch(line -> line.startsWith("48095;"));

		result = this.mvc.perform(get("/observatoire/couverture/departements/48.xlsx"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX))
			.andReturn();
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(lozere.unservedCommunes());
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Marvejols");
			assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(4764);
		}
	}

	private static Row findRow(Sheet sheet, String code) {
		for (Row row : sheet) {
			if (row.getCell(0).getStringCellValue().equals(code)) {
				return row;
			}
		}
		throw new AssertionError("No row for " + code);
	}

}
