package fr.maillage.observatory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.maillage.campaign.Responses;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The open-data API on crafted campaigns (data years 2650 to 2669): published and secret
 * figures, final versions, comparisons, French problems for wrong input, entity tags that
 * follow every change, cross-origin reads and the licence.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class OpenDataApiTest {

	private static final String BENEVOLES_ALL = "$.figures[?(@.indicator == 'benevoles_activite' && @.kinds == 'ALL')]";

	private static final String ADVISOR_66 = "conseillere.caf66@maillage.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FigureRefresh refresh;

	@Autowired
	FigureRepository repository;

	@Autowired
	Responses responses;

	@Autowired
	Figures figures;

	@Autowired
	UserDetailsService accounts;

	private ObservatoryFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new ObservatoryFixtures(this.jdbc);
	}

	/**
	 * 2650: six centres of the Pyrénées-Orientales and three of the Hérault answered: the
	 * Hérault is secret (primary), the Pyrénées-Orientales too (secondary), Occitanie is
	 * published.
	 */
	private void secretYear() {
		if (this.jdbc.sql("select count(*) from campaign where data_year = 2650").query(Long.class).single() > 0) {
			return;
		}
		long campaign = this.fixtures.campaign(2650);
		for (long structure : this.fixtures.structures("66", "CS", 6)) {
			this.fixtures.response(campaign, structure, "VALIDATED", Map.of("benevoles_activite", "10"));
		}
		for (long structure : this.fixtures.structures("34", "CS", 3)) {
			this.fixtures.response(campaign, structure, "VALIDATED", Map.of("benevoles_activite", "10"));
		}
		this.refresh.refresh(2650);
	}

	@Test
	void aTerritorysFiguresWithStatusResponsesLicenceAndSecretValuesAsNullWithTheirReason() throws Exception {
		secretYear();
		this.mvc.perform(get("/api/v1/figures").param("territory", "departement:34").param("year", "2650"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.territory.id").value("departement:34"))
			.andExpect(jsonPath("$.territory.name").value("Hérault (34)"))
			.andExpect(jsonPath("$.territory.level").value("departement"))
			.andExpect(jsonPath("$.year").value(2650))
			.andExpect(jsonPath("$.status").value("provisional"))
			.andExpect(jsonPath("$.version").value(nullValue()))
			.andExpect(jsonPath("$.responses.target").value(3))
			.andExpect(jsonPath("$.responses.validated").value(3))
			.andExpect(jsonPath("$.responses.rate").value(100))
			.andExpect(jsonPath("$.catalogueVersion").isNotEmpty())
			.andExpect(jsonPath(BENEVOLES_ALL + ".value").value(contains(nullValue())))
			.andExpect(jsonPath(BENEVOLES_ALL + ".contributors").value(contains(3)))
			.andExpect(jsonPath(BENEVOLES_ALL + ".secret.reason").value(contains("primary")))
			.andExpect(jsonPath(BENEVOLES_ALL + ".secret.explanation")
				.value(contains(containsString("moins de 5 structures"))))
			// All structures, then CS and EVS: the CS figure is secret too.
			.andExpect(jsonPath("$.figures[?(@.indicator == 'benevoles_activite')].kinds")
				.value(contains("ALL", "CS", "EVS")))
			.andExpect(jsonPath("$.figures[?(@.indicator == 'benevoles_activite' && @.kinds == 'CS')].value")
				.value(contains(nullValue())))
			// A registry count is a public fact, never secret.
			.andExpect(
					jsonPath("$.figures[?(@.indicator == 'structures' && @.kinds == 'ALL')].value").value(contains(3)))
			.andExpect(jsonPath("$.figures[?(@.indicator == 'structures' && @.kinds == 'ALL')].secret")
				.value(contains(nullValue())))
			.andExpect(jsonPath("$.licence.name").value("Licence Ouverte 2.0"))
			.andExpect(jsonPath("$.licence.url").value(OpenDataLicence.URL))
			.andExpect(header().string(HttpHeaders.LINK, "<" + OpenDataLicence.URL + ">; rel=\"license\""))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache, public"))
			.andExpect(header().string(HttpHeaders.ETAG, startsWith("\"")));

		this.mvc.perform(get("/api/v1/figures").param("territory", "departement:66").param("year", "2650"))
			.andExpect(status().isOk())
			.andExpect(jsonPath(BENEVOLES_ALL + ".value").value(contains(nullValue())))
			.andExpect(jsonPath(BENEVOLES_ALL + ".secret.reason").value(contains("secondary")))
			.andExpect(jsonPath(BENEVOLES_ALL + ".secret.explanation").value(contains(containsString("soustraction"))));

		this.mvc.perform(get("/api/v1/figures").param("territory", "region:76").param("year", "2650"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.territory.name").value("Occitanie"))
			.andExpect(jsonPath(BENEVOLES_ALL + ".value").value(contains(90)))
			.andExpect(jsonPath(BENEVOLES_ALL + ".contributors").value(contains(9)))
			.andExpect(jsonPath(BENEVOLES_ALL + ".secret").value(contains(nullValue())));
	}

	@Test
	void withoutAYearTheLatestPublishedYearIsServed() throws Exception {
		this.mvc.perform(get("/api/v1/figures").param("territory", "nation"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.territory.id").value("nation"))
			.andExpect(jsonPath("$.territory.name").value("France"))
			.andExpect(jsonPath("$.year").value(this.figures.latestYear().orElseThrow()));
	}

	@Test
	void theCatalogueListsEveryIndicatorWithItsDefinitionAndFormula() throws Exception {
		this.mvc.perform(get("/api/v1/indicators"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value("2026.1"))
			.andExpect(jsonPath("$.indicators", hasSize(this.figures.catalogue().indicators().size())))
			.andExpect(jsonPath("$.indicators[?(@.code == 'benevoles_activite')].unit").value(contains("nombre")))
			.andExpect(jsonPath("$.indicators[?(@.code == 'benevoles_activite')].formula")
				.value(contains(startsWith("sum("))))
			.andExpect(
					jsonPath("$.indicators[?(@.code == 'benevoles_activite')].kinds[*]").value(contains("CS", "EVS")))
			.andExpect(jsonPath("$.indicators[?(@.code == 'structures')].core").value(contains(true)))
			.andExpect(jsonPath("$.indicators[0].label").isNotEmpty())
			.andExpect(jsonPath("$.indicators[0].definition").isNotEmpty())
			.andExpect(jsonPath("$.licence.name").value("Licence Ouverte 2.0"));
	}

	@Test
	void aFinalVersionIsServedWithItsNumberAndDateAndKeepsItsValues() throws Exception {
		int year = 2652;
		long campaign = this.fixtures.campaign(year);
		List<Long> in66 = this.fixtures.structures("66", "CS", 7);
		for (int i = 0; i < 6; i++) {
			this.fixtures.response(campaign, in66.get(i), "VALIDATED", Map.of("benevoles_activite", "10"));
		}
		for (long structure : this.fixtures.structures("34", "CS", 6)) {
			this.fixtures.response(campaign, structure, "VALIDATED", Map.of("benevoles_activite", "10"));
		}
		this.refresh.refresh(year);
		Instant markedAt = Instant.parse("2026-11-20T09:30:00Z");
		assertThat(this.repository.freeze(year, "departement:66", null, null, "2026.1", markedAt, null)).isEqualTo(1);
		// A late validation changes the live figures, not the final version.
		this.fixtures.response(campaign, in66.get(6), "VALIDATED", Map.of("benevoles_activite", "30"));
		this.refresh.refresh(year);

		this.mvc.perform(get("/api/v1/figures").param("territory", "departement:66").param("year", "2652"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("final"))
			.andExpect(jsonPath("$.version.number").value(1))
			.andExpect(jsonPath("$.version.date").value("2026-11-20T09:30:00Z"))
			.andExpect(jsonPath("$.responses.validated").value(6))
			.andExpect(jsonPath(BENEVOLES_ALL + ".value").value(contains(60)));
		this.mvc.perform(
				get("/api/v1/figures").param("territory", "departement:66").param("year", "2652").param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("final"))
			.andExpect(jsonPath(BENEVOLES_ALL + ".value").value(contains(60)));
		this.mvc.perform(get("/api/v1/figures/versions").param("territory", "departement:66").param("year", "2652"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.territory.id").value("departement:66"))
			.andExpect(jsonPath("$.versions", hasSize(1)))
			.andExpect(jsonPath("$.versions[0].number").value(1))
			.andExpect(jsonPath("$.versions[0].date").value("2026-11-20T09:30:00Z"))
			.andExpect(jsonPath("$.versions[0].catalogueVersion").value("2026.1"))
			.andExpect(jsonPath("$.licence.name").value("Licence Ouverte 2.0"));
		// Occitanie has no final version: live, provisional, with the late response.
		this.mvc.perform(get("/api/v1/figures").param("territory", "region:76").param("year", "2652"))
			.andExpect(jsonPath("$.status").value("provisional"))
			.andExpect(jsonPath("$.version").value(nullValue()))
			.andExpect(jsonPath(BENEVOLES_ALL + ".value").value(contains(150)));
		this.mvc.perform(get("/api/v1/figures/versions").param("territory", "region:76").param("year", "2652"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.versions", hasSize(0)));
		problem(get("/api/v1/figures").param("territory", "departement:66").param("year", "2652").param("version", "2"),
				404, "La version définitive n° 2 des chiffres de Pyrénées-Orientales (66) pour 2652 n’existe pas.");
	}

	@Test
	void territoriesSideBySideNamedOrLikeACommuneOrADepartement() throws Exception {
		secretYear();
		this.mvc
			.perform(get("/api/v1/comparison").param("territory", "departement:34", "region:76", "nation")
				.param("year", "2650"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2650))
			.andExpect(jsonPath("$.like").value(nullValue()))
			.andExpect(
					jsonPath("$.territories[*].territory.id").value(contains("departement:34", "region:76", "nation")))
			.andExpect(jsonPath("$.territories[0].status").value("provisional"))
			.andExpect(jsonPath("$.territories[0].responses.validated").value(3))
			.andExpect(jsonPath(BENEVOLES_ALL + ".values[*].territory")
				.value(contains("departement:34", "region:76", "nation")))
			.andExpect(jsonPath(BENEVOLES_ALL + ".values[*].value")
				.value(contains(nullValue(), equalTo((Object) 90), equalTo((Object) 90))))
			.andExpect(jsonPath(BENEVOLES_ALL + ".values[0].secret.reason").value(contains("primary")))
			.andExpect(jsonPath("$.licence.name").value("Licence Ouverte 2.0"));

		this.mvc.perform(get("/api/v1/comparison").param("like", "departement:66").param("year", "2650"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.like").value("departement:66"))
			.andExpect(jsonPath("$.territories", hasSize(Comparisons.MAX)))
			.andExpect(jsonPath("$.territories[0].territory.id").value("departement:66"))
			.andExpect(jsonPath("$.territories[3].territory.id").value("nation"));

		String band = this.jdbc.sql("select population_band from commune where code = '66136'")
			.query(String.class)
			.single();
		this.mvc.perform(get("/api/v1/comparison").param("like", "commune:66136").param("year", "2650"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.territories[*].territory.id")
				.value(contains("similaires:" + band, "departement:66", "nation")))
			.andExpect(jsonPath("$.territories[0].territory.level").value("similaires"));
	}

	@Test
	void wrongInputGetsAFrenchProblemNeverAnError() throws Exception {
		secretYear();
		problem(get("/api/v1/figures").param("territory", "canton:12"), 400,
				"Le territoire « canton:12 » n’est pas un identifiant valide : écrivez « nation », « region:76 », « departement:66 » ou « similaires:UNDER_2K ».");
		problem(get("/api/v1/figures").param("territory", "departement:99"), 404,
				"Le territoire « departement:99 » n’existe pas.");
		problem(get("/api/v1/figures").param("territory", "region:76").param("year", "2669"), 404,
				"Aucun chiffre n’est publié pour l’année 2669.");
		problem(get("/api/v1/figures").param("territory", "region:76").param("year", "1850"), 404,
				"Aucun chiffre n’est publié pour l’année 1850.");
		problem(get("/api/v1/figures").param("territory", "region:76").param("year", "deux-mille"), 400,
				"La valeur du paramètre « year » est incorrecte.");
		problem(get("/api/v1/figures"), 400, "Le paramètre « territory » est obligatoire.");
		problem(get("/api/v1/figures/versions").param("territory", "similaires:HUGE"), 400, null);
		problem(get("/api/v1/comparison").param("territory", "nation"), 400,
				"Une comparaison porte sur 2 à 4 territoires ; vous en avez donné 1.");
		problem(get("/api/v1/comparison").param("territory", "nation", "region:76", "region:11", "region:84",
				"departement:66"), 400, "Une comparaison porte sur 2 à 4 territoires ; vous en avez donné 5.");
		problem(get("/api/v1/comparison").param("territory", "nation", "nation"), 400,
				"Chaque territoire ne peut être comparé qu’une fois.");
		problem(get("/api/v1/comparison"), 400, null);
		problem(get("/api/v1/comparison").param("territory", "nation", "region:76").param("like", "departement:66"),
				400, null);
		problem(get("/api/v1/comparison").param("like", "region:76"), 400, null);
		problem(get("/api/v1/comparison").param("like", "commune:00000"), 404,
				"Le territoire de référence « commune:00000 » n’existe pas.");
		problem(get("/api/v1/comparison").param("territory", "nation", "departement:98"), 404, null);
	}

	@Test
	void theSameBodyAnswers304AndAValidationChangesTheTagAndValueWithinASecond() throws Exception {
		int year = 2651;
		long campaign = this.fixtures.campaign(year);
		List<Long> in66 = this.fixtures.structures("66", "CS", 7);
		for (int i = 0; i < 6; i++) {
			this.fixtures.response(campaign, in66.get(i), "VALIDATED", Map.of("benevoles_activite", "10"));
		}
		long submitted = this.fixtures.response(campaign, in66.get(6), "SUBMITTED", Map.of("benevoles_activite", "25"));
		this.refresh.refresh(year);

		MvcResult first = this.mvc.perform(get("/api/v1/figures").param("territory", "region:76").param("year", "2651"))
			.andExpect(status().isOk())
			.andExpect(jsonPath(BENEVOLES_ALL + ".value").value(contains(60)))
			.andReturn();
		String tag = first.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(tag).matches("\"[0-9a-f]{32}\"");
		this.mvc
			.perform(get("/api/v1/figures").param("territory", "region:76")
				.param("year", "2651")
				.header(HttpHeaders.IF_NONE_MATCH, tag))
			.andExpect(status().isNotModified())
			.andExpect(header().string(HttpHeaders.ETAG, tag))
			.andExpect(content().string(""));

		long started = System.nanoTime();
		as(ADVISOR_66, () -> this.responses.validate(submitted, 3));
		MvcResult changed = null;
		while (System.nanoTime() - started < 1_000_000_000L) {
			MvcResult result = this.mvc
				.perform(get("/api/v1/figures").param("territory", "region:76")
					.param("year", "2651")
					.header(HttpHeaders.IF_NONE_MATCH, tag))
				.andReturn();
			if (result.getResponse().getStatus() == 200) {
				changed = result;
				break;
			}
			assertThat(result.getResponse().getStatus()).isEqualTo(304);
			Thread.sleep(20);
		}
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		assertThat(changed).as("a changed figure served within a second (%d ms)", elapsed).isNotNull();
		assertThat(changed.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(tag);
		assertThat(changed.getResponse().getContentAsString()).contains("\"value\":85");
	}

	@Test
	void anyOriginMayReadTheApiAndNothingElse() throws Exception {
		this.mvc.perform(get("/api/v1/indicators").header(HttpHeaders.ORIGIN, "https://reutilisateur.example"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, containsString("ETag")))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, containsString("Link")))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS));
		this.mvc
			.perform(options("/api/v1/figures").header(HttpHeaders.ORIGIN, "https://reutilisateur.example")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "If-None-Match"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, containsString("GET")))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, containsString("If-None-Match")));
		// Other methods, and the rest of the site, are not open to other origins.
		this.mvc
			.perform(options("/api/v1/figures").header(HttpHeaders.ORIGIN, "https://reutilisateur.example")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
		this.mvc.perform(get("/mentions-legales").header(HttpHeaders.ORIGIN, "https://reutilisateur.example"))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
	}

	private void problem(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status,
			String detail) throws Exception {
		var result = this.mvc.perform(request)
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.title").isNotEmpty())
			.andExpect(jsonPath("$.detail").isNotEmpty());
		if (detail != null) {
			result.andExpect(jsonPath("$.detail").value(detail));
		}
	}

	private void as(String email, Runnable work) {
		UserDetails user = this.accounts.loadUserByUsername(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
