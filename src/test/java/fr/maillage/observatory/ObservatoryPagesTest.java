package fr.maillage.observatory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import fr.maillage.support.MaillageIntegrationTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public key-figures pages, their downloads and the comparison, read by anonymous
 * visitors on the demo history; marking figures final, with the federation's agreement
 * for a Caf advisor, on crafted data that later validations do not change.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class ObservatoryPagesTest {

	private static final String ADMIN = "admin@maillage.example";

	private static final String ADVISOR_66 = "conseillere.caf66@maillage.example";

	private static final String FEDERATION_66 = "federation66@maillage.example";

	private static final String ADVISOR_11 = "conseiller.caf11@maillage.example";

	private static final String ADVISOR_34 = "conseillere.caf34@maillage.example";

	private static final String FEDERATION_34 = "federation34@maillage.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FigureRefresh refresh;

	@Autowired
	Figures figures;

	@Autowired
	UserDetailsService accounts;

	private ObservatoryFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new ObservatoryFixtures(this.jdbc);
		this.refresh.refreshAll();
	}

	@Test
	void aDepartementPageShowsItsFiguresBesideItsRegionAndTheNationWithMapTrendAndTables() throws Exception {
		int year = this.figures.latestYear().orElseThrow();
		String html = this.mvc.perform(get("/observatoire/departements/66").param("annee", Integer.toString(year)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		FigureSheet sheet = this.figures.sheet(TerritoryRef.departement("66"), year);
		assertThat(html).contains("Pyrénées-Orientales (66) : chiffres clés " + year, "Occitanie", "France",
				"Évolution depuis " + (year - 1), "Chiffres provisoires", "Part des financements Caf",
				FigureFormat.value(sheet.get("structures").value(),
						this.figures.catalogue().indicator("structures").orElseThrow()),
				"réponses validées sur", "<svg", "carte-indicateur", "Voir la carte en tableau",
				"export.csv?tableau=chiffres&amp;territoire=departement:66");
		// The map follows the chosen indicator.
		String map = this.mvc
			.perform(get("/observatoire/departements/66").param("annee", Integer.toString(year))
				.param("carte", "benevoles_activite"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(map).contains("Bénévoles d’activité par département en " + year);
		this.mvc.perform(get("/observatoire")).andExpect(status().isOk());
		this.mvc.perform(get("/observatoire/regions/76")).andExpect(status().isOk());
	}

	@Test
	void unknownTerritoriesYearsAndIndicatorsAreRefused() throws Exception {
		this.mvc.perform(get("/observatoire/departements/00")).andExpect(status().isNotFound());
		this.mvc.perform(get("/observatoire/regions/99")).andExpect(status().isNotFound());
		this.mvc.perform(get("/observatoire/departements/66").param("annee", "1990")).andExpect(status().isNotFound());
		this.mvc.perform(get("/observatoire/departements/66").param("carte", "inconnu"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/observatoire/departements/66").param("annee", "deux-mille"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/observatoire/export.csv").param("tableau", "chiffres").param("territoire", "lune:1"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/observatoire/export.pdf").param("tableau", "chiffres").param("territoire", "nation"))
			.andExpect(status().isNotFound());
	}

	@Test
	void everyTableDownloadsAsCsvAndXlsxWithSecretsAsWords() throws Exception {
		int year = this.figures.latestYear().orElseThrow();
		byte[] csv = this.mvc
			.perform(get("/observatoire/export.csv").param("tableau", "chiffres")
				.param("territoire", "departement:66")
				.param("annee", Integer.toString(year)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"chiffres-departement-66-" + year + ".csv\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFCode;Indicateur;Structures;Unité;Valeur;Structures contributrices");
		FigureSheet sheet = this.figures.sheet(TerritoryRef.departement("66"), year);
		assertThat(text).contains("structures;Structures agréées;Toutes;structures;"
				+ sheet.get("structures").value().toPlainString() + ";");
		byte[] xlsx = this.mvc
			.perform(get("/observatoire/export.xlsx").param("tableau", "carte")
				.param("indicateur", "structures")
				.param("annee", Integer.toString(year)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet rows = workbook.getSheetAt(0);
			assertThat(rows.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Code du département");
			boolean found66 = false;
			for (int r = 2; r <= rows.getLastRowNum(); r++) {
				if (rows.getRow(r).getCell(0).getStringCellValue().equals("66")) {
					found66 = true;
					assertThat(rows.getRow(r).getCell(2).getNumericCellValue())
						.isEqualTo(sheet.get("structures").value().doubleValue());
				}
			}
			assertThat(found66).isTrue();
		}
		this.mvc.perform(get("/observatoire/export.csv").param("tableau", "tendances").param("territoire", "region:76"))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/observatoire/export.csv").param("tableau", "comparaison")
				.param("t", "departement:66", "nation"))
			.andExpect(status().isOk());

		// A secret figure is the words, never a number: the small demo has some.
		String secretDepartement = null;
		String secretIndicator = null;
		for (String code : List.of("11", "34", "66", "69", "93", "974")) {
			for (Indicator indicator : this.figures.catalogue().indicators()) {
				Figure figure = this.figures.sheet(TerritoryRef.departement(code), year).get(indicator.code());
				if (secretDepartement == null && figure != null && figure.secret()) {
					secretDepartement = code;
					secretIndicator = indicator.code();
				}
			}
		}
		assertThat(secretDepartement).as("a secret figure in the small demo").isNotNull();
		String secretCsv = new String(this.mvc
			.perform(get("/observatoire/export.csv").param("tableau", "chiffres")
				.param("territoire", "departement:" + secretDepartement)
				.param("annee", Integer.toString(year)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		String prefix = secretIndicator + ";";
		assertThat(secretCsv.lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow())
			.contains(";Toutes;")
			.contains(";secret statistique;");
	}

	@Test
	void territoriesLikeMineFromACommuneOrADepartement() throws Exception {
		String html = this.mvc
			.perform(get("/observatoire/comparer").param("departement", "66").param("commune", "perpignan"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("Territoires semblables à Perpignan",
				"Communes urbaines de 50 000 à 199 999 habitants", "Pyrénées-Orientales (66)",
				"export.csv?tableau=comparaison");
		String departements = this.mvc.perform(get("/observatoire/comparer").param("departement", "66"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(departements).contains("Territoires semblables à Pyrénées-Orientales (66)");
		String unknown = this.mvc
			.perform(get("/observatoire/comparer").param("departement", "66").param("commune", "Atlantis"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(unknown).contains("Aucune commune « Atlantis » dans ce département", "aria-invalid=\"true\"");
		String one = this.mvc.perform(get("/observatoire/comparer").param("t", "nation"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(one).contains("Choisissez au moins 2 territoires différents");
		// A person of a structure starts from their structure's commune.
		String own = this.mvc.perform(get("/observatoire/comparer").with(as("direction.cs66@maillage.example")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(own).contains("Territoires semblables à");
	}

	@Test
	void markingFinalFreezesAVersionThatLaterValidationsDoNotChange() throws Exception {
		int year = 2611;
		long campaign = this.fixtures.campaign(year);
		List<Long> structures = this.fixtures.structures("66", "EVS", 7);
		for (int i = 0; i < 6; i++) {
			this.fixtures.response(campaign, structures.get(i), "VALIDATED", Map.of("usagers_0_5", "100"));
		}
		this.refresh.refresh(year);
		TerritoryRef d66 = TerritoryRef.departement("66");
		// A Caf advisor needs the federation's agreement first; another département's may
		// not.
		this.mvc.perform(finalForm("/observatoire/definitif", ADVISOR_66, "departement:66", year, null))
			.andExpect(status().isForbidden());
		this.mvc.perform(finalForm("/observatoire/accord", FEDERATION_66, "departement:66", year, null))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(finalForm("/observatoire/definitif", ADVISOR_11, "departement:66", year, null))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(finalForm("/observatoire/definitif", ADVISOR_66, "departement:66", year,
					"Chiffres arrêtés en commission."))
			.andExpect(status().is3xxRedirection());
		assertThat(this.figures.sheet(d66, year).isFinal()).isTrue();
		assertThat(this.figures.sheet(d66, year).version()).isEqualTo(1);
		assertThat(this.figures.sheet(d66, year).get("usagers").value()).isEqualByComparingTo("600");

		// The agreement covered that version: a second one needs a new agreement.
		this.mvc.perform(finalForm("/observatoire/definitif", ADVISOR_66, "departement:66", year, null))
			.andExpect(status().isForbidden());
		// A later validation changes the live figures, not the final version.
		this.fixtures.response(campaign, structures.get(6), "VALIDATED", Map.of("usagers_0_5", "50"));
		this.refresh.refresh(year);
		assertThat(this.figures.live(d66, year).get("usagers").value()).isEqualByComparingTo("650");
		assertThat(this.figures.sheet(d66, year).get("usagers").value()).isEqualByComparingTo("600");
		assertThatFrozen(year);

		// Marking again makes version 2; version 1 stays available.
		this.mvc.perform(finalForm("/observatoire/definitif", ADMIN, "departement:66", year, null))
			.andExpect(status().is3xxRedirection());
		assertThat(this.figures.sheet(d66, year).version()).isEqualTo(2);
		assertThat(this.figures.sheet(d66, year).get("usagers").value()).isEqualByComparingTo("650");
		assertThat(this.figures.version(d66, year, 1).orElseThrow().get("usagers").value()).isEqualByComparingTo("600");
		assertThat(this.jdbc.sql("select count(*) from audit_entry where action = 'figures.final' and object_id = ?")
			.param("departement:66/" + year)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anonymousPagesAreServedFromTheCacheUntilTheFiguresChange() throws Exception {
		int year = this.figures.latestYear().orElseThrow();
		String path = "/observatoire/departements/93?annee=" + year;
		int validated = this.figures.sheet(TerritoryRef.departement("93"), year).validated();
		assertThat(page(path)).contains("Qualité : " + validated + " réponses validées");
		// Changed behind the caches' back (rendered page, figures): the page does not
		// move until a refresh clears them.
		this.jdbc
			.sql("update observatory_quality set validated = validated + 1000"
					+ " where data_year = ? and territory = 'departement:93'")
			.param(year)
			.update();
		assertThat(page(path)).contains("Qualité : " + validated + " réponses validées");
		// One more validated response: the refresh clears the cache, the page follows.
		long response = this.jdbc
			.sql("select r.id from response r join campaign k on k.id = r.campaign_id"
					+ " join structure s on s.id = r.structure_id where k.data_year = ? and s.departement_code = '93'"
					+ " and r.status = 'SUBMITTED' order by r.id limit 1")
			.param(year)
			.query(Long.class)
			.single();
		this.jdbc.sql("update response set status = 'VALIDATED' where id = ?").param(response).update();
		try {
			this.refresh.refresh(year);
			assertThat(page(path)).contains("Qualité : " + (validated + 1) + " réponses validées");
			// A signed-in person's page is rendered for them, never taken from the cache.
			assertThat(this.mvc.perform(get(path).with(as(ADMIN)))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8)).contains("Se déconnecter");
			assertThat(page(path)).doesNotContain("Se déconnecter");
		}
		finally {
			this.jdbc.sql("update response set status = 'SUBMITTED' where id = ?").param(response).update();
			this.refresh.refresh(year);
		}
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theTerritoryPageOffersMarkingToThoseWhoMayAndWaitsForTheAgreement() throws Exception {
		int year = this.figures.latestYear().orElseThrow() - 2;
		String path = "/observatoire/departements/34?annee=" + year;
		String before = this.mvc.perform(get(path).with(as(ADVISOR_34)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(before).contains("une fois l’accord de la fédération enregistré")
			.doesNotContain("Déclarer ces chiffres définitifs");
		String federation = this.mvc.perform(get(path).with(as(FEDERATION_34)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(federation).contains("Donner l’accord de la fédération");
		this.mvc.perform(finalForm("/observatoire/accord", FEDERATION_34, "departement:34", year, null))
			.andExpect(status().is3xxRedirection());
		String after = this.mvc.perform(get(path).with(as(ADVISOR_34)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(after).contains("Accord de la fédération donné par Olivier Roux",
				"Déclarer ces chiffres définitifs");
		// Visitors see neither the forms nor anybody's name.
		assertThat(page(path)).doesNotContain("Déclarer ces chiffres définitifs", "Olivier Roux");
	}

	private void assertThatFrozen(int year) {
		Integer updated = null;
		try {
			updated = this.jdbc.sql("""
					update figure_version_value set value = 1
					where version_id = (select id from figure_version where data_year = ? and number = 1)""")
				.param(year)
				.update();
		}
		catch (RuntimeException expected) {
			assertThat(expected).hasMessageContaining("final figures never change");
		}
		assertThat(updated).isNull();
	}

	/** One of the territory page's forms: mark final, or record the agreement. */
	private MockHttpServletRequestBuilder finalForm(String path, String email, String territory, int year,
			String note) {
		MockHttpServletRequestBuilder post = post(path).with(as(email))
			.with(csrf())
			.param("territoire", territory)
			.param("annee", Integer.toString(year));
		return (note != null) ? post.param("note", note) : post;
	}

	private RequestPostProcessor as(String email) {
		return user(this.accounts.loadUserByUsername(email));
	}

}
