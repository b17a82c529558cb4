package fr.maillage.territory;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MaillageIntegrationTest
@AutoConfigureMockMvc
class TerritoryApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsThe18RegionsOfFranceWithoutSignIn() throws Exception {
		this.mvc.perform(get("/api/v1/territories/regions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(18)))
			.andExpect(jsonPath("$[?(@.code == '76')].name", hasItem("Occitanie")))
			.andExpect(jsonPath("$[?(@.code == '06')].name", hasItem("Mayotte")));
	}

	@Test
	void listsThe101DepartementsWithTheirRegion() throws Exception {
		this.mvc.perform(get("/api/v1/territories/departements"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(101)))
			.andExpect(jsonPath("$[?(@.code == '66')].name", hasItem("Pyrénées-Orientales")))
			.andExpect(jsonPath("$[?(@.code == '66')].regionCode", hasItem("76")))
			.andExpect(jsonPath("$[?(@.code == '2A')].name", hasItem("Corse-du-Sud")))
			.andExpect(jsonPath("$[?(@.code == '976')].regionCode", hasItem("06")))
			// Overseas collectivities have no Caf.
			.andExpect(jsonPath("$[*].code", not(hasItem("975"))))
			.andExpect(jsonPath("$[*].code", not(hasItem("988"))));
	}

	@Test
	void describesOneDepartement() throws Exception {
		this.mvc.perform(get("/api/v1/territories/departements/66"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Pyrénées-Orientales"))
			.andExpect(jsonPath("$.regionCode").value("76"))
			.andExpect(jsonPath("$.regionName").value("Occitanie"))
			.andExpect(jsonPath("$.communeCount").value(226));
	}

	@Test
	void answersAnUnknownDepartementWithAJsonProblemInFrench() throws Exception {
		this.mvc.perform(get("/api/v1/territories/departements/999").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.title").value("Introuvable"))
			.andExpect(jsonPath("$.detail").value("Aucun département ne porte le code « 999 »."));
	}

	@Test
	void listsTheCommunesOfADepartementInFrenchOrderWithTheirClass() throws Exception {
		this.mvc.perform(get("/api/v1/territories/communes").param("departement", "66"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(226)))
			.andExpect(jsonPath("$[0].name").value("Alénya"))
			.andExpect(jsonPath("$[?(@.code == '66136')].name", hasItem("Perpignan")))
			.andExpect(jsonPath("$[?(@.code == '66136')].postalCodes[*]", hasItem("66100")))
			.andExpect(jsonPath("$[?(@.code == '66136')].urban", hasItem(true)))
			.andExpect(jsonPath("$[?(@.code == '66136')].populationBand", hasItem("FROM_50K_TO_200K")));
	}

	@Test
	void refusesACommuneListWithoutDepartementOrWithAnUnknownOne() throws Exception {
		this.mvc.perform(get("/api/v1/territories/communes"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Le paramètre « departement » est obligatoire."));
		this.mvc.perform(get("/api/v1/territories/communes").param("departement", "99"))
			.andExpect(status().isNotFound());
	}

	@Test
	void loadsEveryCurrentCommuneOfTheOfficialGeography() {
		assertThat(this.jdbc.sql("select count(*) from commune").query(Long.class).single()).isEqualTo(34_875L);
		// A commune of fewer than 2,000 inhabitants is rural, a larger one urban.
		assertThat(this.jdbc.sql("select count(*) from commune where urban <> (population >= 2000)")
			.query(Long.class)
			.single()).isZero();
		assertThat(
				this.jdbc.sql("select population_band from commune where code = '75056'").query(String.class).single())
			.isEqualTo("OVER_200K");
	}

}
