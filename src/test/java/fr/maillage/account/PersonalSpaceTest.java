package fr.maillage.account;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MaillageIntegrationTest
@AutoConfigureMockMvc
class PersonalSpaceTest {

	@Autowired
	MockMvc mvc;

	@Test
	void linksTheJournalForThoseWhoMayReadIt() throws Exception {
		for (String reader : new String[] { "admin@maillage.example", "conseillere.caf66@maillage.example",
				"direction.cs@maillage.example" }) {
			this.mvc.perform(get("/espace").cookie(signedIn(reader)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/journal\"")));
		}
	}

	@Test
	void showsNoJournalLinkToOthers() throws Exception {
		for (String other : new String[] { "equipe.cs@maillage.example", "federation66@maillage.example",
				"correspondant66@maillage.example" }) {
			this.mvc.perform(get("/espace").cookie(signedIn(other)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("href=\"/journal\""))));
		}
	}

	private jakarta.servlet.http.Cookie signedIn(String email) throws Exception {
		return SignInTest.sessionCookie(this.mvc
			.perform(post("/connexion").param("email", email).param("motDePasse", DemoAccounts.PASSWORD).with(csrf()))
			.andReturn());
	}

}
