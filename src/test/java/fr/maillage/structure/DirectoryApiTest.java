package fr.maillage.structure;

import fr.maillage.structure.DirectoryFixtures.Corsica;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The directory's JSON API, without signing in. */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class DirectoryApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

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
	void listsActiveStructuresByFiltersWithTheirPublicFields() throws Exception {
		this.mvc.perform(get("/api/v1/structures").param("departement", "2A").param("kind", "CS"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(50))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(this.corsica.etoile()))
			.andExpect(jsonPath("$.items[0].name").value(DirectoryFixtures.ETOILE))
			.andExpect(jsonPath("$.items[0].kind").value("CS"))
			.andExpect(jsonPath("$.items[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$.items[0].postalCode").value("20090"))
			.andExpect(jsonPath("$.items[0].communeCode").value("2A004"))
			.andExpect(jsonPath("$.items[0].communeName").value("Ajaccio"))
			.andExpect(jsonPath("$.items[0].latitude").value(41.9267))
			.andExpect(jsonPath("$.items[0].email").value("contact@etoile-du-maquis.fr"))
			.andExpect(jsonPath("$.items[0].siret").value("42100000100006"))
			.andExpect(jsonPath("$.items[0].firstApprovalOn").value("1998-09-01"))
			.andExpect(jsonPath("$.items[0].managementMode").value("ASSOCIATION"))
			.andExpect(jsonPath("$.items[0].territoryType").value("URBAN"))
			.andExpect(jsonPath("$.items[0].nearQpv").value(true))
			.andExpect(jsonPath("$.items[0].federationMember").value(true))
			.andExpect(jsonPath("$.items[0].projectAxes", contains("Parentalité", "Jeunesse, citoyenneté")))
			.andExpect(jsonPath("$.items[0].servedCommunes[*].name", contains("Afa", "Alata")))
			.andExpect(jsonPath("$.items[0].currentApproval.kind").value("AG"))
			.andExpect(jsonPath("$.items[0].currentApproval.startsOn").value("2024-01-01"))
			.andExpect(jsonPath("$.items[0].currentApproval.endsOn").value("2027-12-31"))
			// Internal only: never published.
			.andExpect(jsonPath("$.items[0].territoryTypeCorrected").doesNotExist())
			.andExpect(jsonPath("$.items[0].documents").doesNotExist());
	}

	@Test
	void searchesWordsAsThePageDoesAndPagesFromZero() throws Exception {
		this.mvc.perform(get("/api/v1/structures").param("q", "ETOILE ajaccio"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(this.corsica.etoile()));
		long in66 = this.jdbc.sql("select count(*) from structure where status = 'ACTIVE' and departement_code = '66'")
			.query(Long.class)
			.single();
		this.mvc.perform(get("/api/v1/structures").param("departement", "66").param("size", "10").param("page", "1"))
			.andExpect(jsonPath("$.total").value(in66))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.items", hasSize((int) Math.min(10, in66 - 10))));
		this.mvc.perform(get("/api/v1/structures").param("departement", "2A").param("page", "5"))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items", hasSize(0)));
		this.mvc.perform(get("/api/v1/structures").param("size", "200"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(200)));
	}

	@Test
	void showsOneStructureEvenClosedAndNeverAnUnknownOne() throws Exception {
		this.mvc.perform(get("/api/v1/structures/" + this.corsica.moulin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.currentApproval").value(nullValue()));
		this.mvc.perform(get("/api/v1/structures/" + this.corsica.amandiers()))
			.andExpect(jsonPath("$.currentApproval.kind").value("EVS"))
			.andExpect(jsonPath("$.servedCommunes", hasSize(0)));
		this.mvc.perform(get("/api/v1/structures/999999999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Introuvable"))
			.andExpect(jsonPath("$.detail").value("Aucune structure ne porte l’identifiant « 999999999 »."));
	}

	@Test
	void refusesWrongParametersWithAFrenchProblem() throws Exception {
		expectProblem("departement", "999", "Aucun département ne porte le code « 999 ».");
		expectProblem("kind", "CENTRE", "La valeur du paramètre « kind » est incorrecte.");
		expectProblem("managementMode", "PRIVATE", "La valeur du paramètre « managementMode » est incorrecte.");
		expectProblem("page", "-1", "Le paramètre « page » commence à 0.");
		expectProblem("page", "deux", "La valeur du paramètre « page » est incorrecte.");
		expectProblem("size", "0", "Le paramètre « size » doit être compris entre 1 et 200.");
		expectProblem("size", "201", "Le paramètre « size » doit être compris entre 1 et 200.");
		expectProblem("q", "x".repeat(101), "Le paramètre « q » compte au plus 100 caractères.");
	}

	private void expectProblem(String parameter, String value, String detail) throws Exception {
		this.mvc.perform(get("/api/v1/structures").param(parameter, value))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Requête incorrecte"))
			.andExpect(jsonPath("$.detail").value(detail));
	}

}
