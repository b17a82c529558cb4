package fr.maillage.account;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MaillageIntegrationTest
@AutoConfigureMockMvc
class PersonalSpaceTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Test
	void linksTheJournalForThoseWhoMayReadIt() throws Exception {
		for (String reader : new String[] { "admin@maillage.example", "conseillere.caf66@maillage.example",
				"direction.cs66@maillage.example" }) {
			this.mvc.perform(get("/espace").with(user(this.accounts.loadUserByUsername(reader))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/journal\"")));
		}
	}

	@Test
	void showsNoJournalLinkToOthers() throws Exception {
		for (String other : new String[] { "equipe.cs66@maillage.example", "federation66@maillage.example",
				"correspondant66@maillage.example" }) {
			this.mvc.perform(get("/espace").with(user(this.accounts.loadUserByUsername(other))))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("href=\"/journal\""))));
		}
	}

}
