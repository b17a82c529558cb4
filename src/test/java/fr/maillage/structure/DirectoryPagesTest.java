package fr.maillage.structure;

import java.net.http.HttpResponse;

import fr.maillage.structure.DirectoryFixtures.Corsica;
import fr.maillage.support.HttpSession;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The public directory's pages, without signing in: search, filters, pages of results,
 * the map's table, a structure's page.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class DirectoryPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private Corsica corsica;

	@BeforeEach
	void insertStructures() {
		this.corsica = DirectoryFixtures.insert(this.jdbc);
	}

	@AfterEach
	void deleteStructures() {
		DirectoryFixtures.delete(this.jdbc, this.corsica);
	}

	@Test
	void findsAStructureByAWordOfItsNameWhateverTheCaseAndAccents() throws Exception {
		for (String words : new String[] { "maquis", "ÉTOILE", "etoile", "l’étoile", "L'ETOILE du",
				"Étoile Ajaccio" }) {
			search("q", words).andExpect(content().string(allOf(containsString("1 structure correspond"),
					containsString("/annuaire/" + this.corsica.etoile() + "?q="))));
		}
	}

	@Test
	void findsStructuresByCommuneNameOrPostalCode() throws Exception {
		search("q", "bastia").andExpect(content().string(containsString("Espace de vie sociale Les Amandiers")));
		// Its own postal code, and the other code of its commune.
		search("q", "20090").andExpect(content().string(containsString(DirectoryFixtures.ETOILE)));
		search("q", "20000").andExpect(content().string(containsString(DirectoryFixtures.ETOILE)));
	}

	@Test
	void neverListsClosedStructures() throws Exception {
		search("q", "ancien moulin").andExpect(content()
			.string(allOf(containsString("Aucune structure ne correspond"), not(containsString("Moulin")))));
		this.mvc.perform(get("/annuaire").param("departement", "2A"))
			.andExpect(content()
				.string(allOf(containsString("2 structures correspondent"), not(containsString("Ancien Moulin")))));
	}

	@Test
	void filtersByKindDepartementAndManagementMode() throws Exception {
		this.mvc.perform(get("/annuaire").param("departement", "2A").param("kind", "EVS"))
			.andExpect(content().string(allOf(containsString("1 structure correspond"), containsString(">Ab.<"))));
		this.mvc.perform(get("/annuaire").param("departement", "2b").param("managementMode", "COMMUNE"))
			.andExpect(content().string(containsString("Espace de vie sociale Les Amandiers")));
		this.mvc.perform(get("/annuaire").param("departement", "2A").param("managementMode", "CAF"))
			.andExpect(content().string(containsString("Aucune structure ne correspond")));
	}

	@Test
	void countsEveryActiveStructureWithoutSearchAndShowsTheMapAndTableByDepartement() throws Exception {
		long active = this.jdbc.sql("select count(*) from structure where status = 'ACTIVE'")
			.query(Long.class)
			.single();
		this.mvc.perform(get("/annuaire"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(allOf(containsString(french(active) + " structures actives"),
					containsString("<title>Annuaire des centres sociaux et espaces de vie sociale – Maillage</title>"),
					containsString("href=\"/annuaire?departement=2A\">Corse-du-Sud (2A)</a>"),
					containsString("href=\"/annuaire?departement=01\">Ain (01)</a>"), containsString("France entière"),
					containsString("<svg xmlns=\"http://www.w3.org/2000/svg\""),
					containsString("<a href=\"/annuaire?departement=2A\" aria-label=\"Corse-du-Sud (2A)\u00a0: 2\">"),
					containsString("<span>Aucune structure</span>"), containsString("Fond de carte"))));
	}

	@Test
	void pagesThroughResultsTwentyAtATimeWithTheCurrentPageMarked() throws Exception {
		long inSeineSaintDenis = this.jdbc
			.sql("select count(*) from structure where status = 'ACTIVE' and departement_code = '93'")
			.query(Long.class)
			.single();
		long pages = (inSeineSaintDenis + 19) / 20;
		this.mvc.perform(get("/annuaire").param("departement", "93").param("page", "2"))
			.andExpect(content()
				.string(allOf(containsString("<ol class=\"list-unstyled directory-results\" start=\"21\">"),
						containsString("aria-current=\"page\">2</a>"), containsString("rel=\"prev\""),
						containsString("href=\"/annuaire?departement=93&amp;page=" + pages + "\""),
						containsString("<title>" + french(inSeineSaintDenis) + " structures trouvées"))));
		// Beyond the last page: the last page.
		this.mvc.perform(get("/annuaire").param("departement", "93").param("page", "999"))
			.andExpect(content().string(containsString("aria-current=\"page\">" + pages + "</a>")));
	}

	@Test
	void answersHtmxWithTheResultsAndTheirCountOnly() throws Exception {
		this.mvc.perform(get("/annuaire").param("q", "maquis").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<div id=\"resultats\">"),
					containsString("<p id=\"nombre-structures\" data-hx-swap-oob=\"innerHTML\">"),
					containsString("1 structure correspond"), containsString("<title>1 structure trouvée"),
					not(containsString("<html")), not(containsString("<form")))));
		// Going back in the browser's history asks for the whole page.
		this.mvc
			.perform(get("/annuaire").param("q", "maquis")
				.header("HX-Request", "true")
				.header("HX-History-Restore-Request", "true"))
			.andExpect(content().string(containsString("<form")));
	}

	@Test
	void saysWhatIsWrongWithAnUnknownDepartementOrATooLongSearch() throws Exception {
		this.mvc.perform(get("/annuaire").param("departement", "99").param("q", "x".repeat(101)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Aucun département ne porte le code « 99 »."),
					containsString("Saisissez au plus 100 caractères."),
					containsString("<title>Erreur dans la recherche"))));
		this.mvc.perform(get("/annuaire").param("kind", "CENTRE"))
			.andExpect(content().string(containsString("Cette valeur n’est pas valide.")));
	}

	@Test
	void showsTheWholePublicRecordOfAStructureWithItsCurrentApproval() throws Exception {
		this.mvc.perform(get("/annuaire/" + this.corsica.etoile()))
			.andExpect(status().isOk())
			.andExpect(view().name("directory/structure"))
			.andExpect(content().string(allOf(containsString("<h1>" + DirectoryFixtures.ETOILE + "</h1>"),
					containsString("12, avenue Noël-Franchini"), containsString("20090 Ajaccio"),
					containsString("href=\"mailto:contact@etoile-du-maquis.fr\""),
					containsString("href=\"tel:0495203040\""),
					containsString("href=\"https://etoile-du-maquis.fr/accueil\""), containsString("42100000100006"),
					containsString("Animation globale, du 1 janvier 2024 au 31 décembre 2027"),
					containsString("1 septembre 1998"), containsString(french(25_000) + " habitants"),
					containsString("Association"), containsString("Urbain"), containsString("Jeunesse, citoyenneté"),
					containsString("<li>Afa</li>"), containsString("<li>Alata</li>"),
					containsString("Agréé centre social depuis 1998."), not(containsString("Agrément échu")),
					not(containsString("Structure fermée")))));
	}

	@Test
	void saysWhenAnApprovalHasEndedAndWhenAStructureHasClosed() throws Exception {
		this.mvc.perform(get("/annuaire/" + this.corsica.amandiers()))
			.andExpect(content().string(allOf(containsString("Agrément échu"),
					containsString("Espace de vie sociale, du 1 janvier 2022 au 31 décembre 2025"),
					containsString("Non renseigné"), containsString("Commune ou CCAS"))));
		this.mvc.perform(get("/annuaire/" + this.corsica.moulin()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Structure fermée"), containsString("Aucun agrément n’est enregistré"))));
	}

	@Test
	void leadsBackToTheSearchAStructureWasFoundIn() throws Exception {
		this.mvc
			.perform(get("/annuaire/" + this.corsica.etoile()).param("q", "étoile")
				.param("departement", "2A")
				.param("page", "2"))
			.andExpect(content().string(
					containsString("<a href=\"/annuaire?q=%C3%A9toile&amp;departement=2A&amp;page=2\">Annuaire</a>")));
	}

	@Test
	void answersAnUnknownStructureWithTheNotFoundPage() throws Exception {
		HttpResponse<String> page = new HttpSession(this.port).get("/annuaire/999999999");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<h1>Page introuvable</h1>");
	}

	@Test
	void hasItsPlaceInTheMainNavigation() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(content().string(containsString("<a class=\"nav-link\" href=\"/annuaire\">Annuaire</a>")));
		this.mvc.perform(get("/annuaire"))
			.andExpect(content()
				.string(containsString("<a class=\"nav-link\" href=\"/annuaire\" aria-current=\"page\">Annuaire</a>")));
	}

	private ResultActions search(String name, String value) throws Exception {
		return this.mvc.perform(get("/annuaire").param(name, value)).andExpect(status().isOk());
	}

	/** A count as MessageFormat writes it in French: thousands with a narrow space. */
	private static String french(long count) {
		return java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRANCE).format(count);
	}

}
