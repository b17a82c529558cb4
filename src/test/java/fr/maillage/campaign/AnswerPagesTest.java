package fr.maillage.campaign;

import java.util.concurrent.atomic.AtomicInteger;

import fr.maillage.support.MaillageIntegrationTest;
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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The answer pages of a centre social of the Pyrénées-Orientales: last year's validated
 * core answers proposed until the section is confirmed, autosave field by field with the
 * time and the value shown back the French way, errors in French, conflicts, history, the
 * checks before submission, the printable view; and tampered requests refused.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class AnswerPagesTest {

	static final String STAFF_66 = "equipe.cs66@maillage.example";

	static final String MANAGER_66 = "direction.cs66@maillage.example";

	static final String STAFF_69 = "equipe.cs69@maillage.example";

	/** Two data years per test (last year validated, this year answered). */
	private static final AtomicInteger YEARS = new AtomicInteger(2040);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	private long response;

	private int lastYear;

	@BeforeEach
	void aCentreWithLastYearValidated() {
		long structure = structureOf(MANAGER_66);
		this.lastYear = YEARS.getAndAdd(2);
		long previous = campaign(this.lastYear);
		long past = this.jdbc.sql("""
				insert into response (campaign_id, structure_id, status, updated_at, submitted_at, validated_at)
				values (?, ?, 'VALIDATED', now(), now(), now()) returning id""")
			.params(previous, structure)
			.query(Long.class)
			.single();
		for (String[] answer : new String[][] { { "jours_ouverture", "200" }, { "heures_ouverture_hebdo", "30" },
				{ "ouverture_soir_week_end", "true" }, { "gestion_associative", "true" }, { "ca_membres", "9" } }) {
			this.jdbc.sql("insert into answer (response_id, code, item, value, updated_at) values (?, ?, 0, ?, now())")
				.params(past, answer[0], answer[1])
				.update();
		}
		long current = campaign(this.lastYear + 1);
		this.response = this.jdbc
			.sql("insert into response (campaign_id, structure_id, updated_at) values (?, ?, now()) returning id")
			.params(current, structure)
			.query(Long.class)
			.single();
	}

	private long campaign(int year) {
		return this.jdbc.sql("""
				insert into campaign (data_year, opens_on, closes_on, questionnaire_version_id, created_at)
				values (?, '2026-10-01', '2027-01-31',
				        (select id from questionnaire_version where family = 'national' and version = '2026'), now())
				returning id""").param(year).query(Long.class).single();
	}

	private long structureOf(String email) {
		return this.jdbc.sql("""
				select ra.scope_code::bigint from role_assignment ra join app_user u on u.id = ra.user_id
				where u.email = ? and ra.scope_kind = 'STRUCTURE' limit 1""").param(email).query(Long.class).single();
	}

	private RequestPostProcessor as(String email) {
		return user(this.accounts.loadUserByUsername(email));
	}

	private MockHttpServletRequestBuilder autosave(String field, String value, int version) {
		return post("/reponses/{id}/valeurs", this.response).header("HX-Request", "true")
			.param("champ", field)
			.param("f." + field, value)
			.param("v." + field, Integer.toString(version))
			.with(csrf());
	}

	private String displayName(String email) {
		return this.jdbc.sql("select display_name from app_user where email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	private String stored(String code) {
		return this.jdbc.sql("select value from answer where response_id = ? and code = ? and item = 0")
			.params(this.response, code)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void lastYearsCoreAnswersAreProposedUntilTheSectionIsConfirmed() throws Exception {
		this.mvc.perform(get("/reponses/{id}/sections/identite", this.response).with(as(STAFF_66)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Valeur de " + this.lastYear + " proposée"),
					containsString("value=\"200\""),
					matchesPattern("(?s).*id=\"q-ouverture_soir_week_end-0-oui\" value=\"oui\"\\s+checked.*"))));
		assertThat(stored("jours_ouverture")).isNull();

		// Confirming the section saves what it shows, proposals included, and moves on.
		this.mvc
			.perform(post("/reponses/{id}/sections/identite", this.response).param("f.jours_ouverture.0", "200")
				.param("f.heures_ouverture_hebdo.0", "32,5")
				.param("f.ouverture_soir_week_end.0", "oui")
				.with(as(STAFF_66))
				.with(csrf()))
			.andExpect(redirectedUrl("/reponses/" + this.response + "/sections/gouvernance"));
		assertThat(stored("jours_ouverture")).isEqualTo("200");
		assertThat(stored("heures_ouverture_hebdo")).isEqualTo("32.5");
		assertThat(stored("ouverture_soir_week_end")).isEqualTo("true");
		this.mvc.perform(get("/reponses/{id}/sections/identite", this.response).with(as(STAFF_66)))
			.andExpect(content().string(allOf(not(containsString("proposée")), containsString("value=\"32,5\""))));
		this.mvc.perform(get("/reponses/{id}", this.response).with(as(STAFF_66)))
			.andExpect(content().string(containsString("En cours")));
		// A question shown by a proposal (the board, for an association) is proposed too.
		this.mvc.perform(get("/reponses/{id}/sections/gouvernance", this.response).with(as(STAFF_66)))
			.andExpect(content().string(matchesPattern("(?s).*name=\"f.ca_membres.0\" value=\"9\"(?!\\s*disabled).*")));
	}

	@Test
	void aValueOutsideTheDepartementsUsualRangeAmongCentresSociauxAsksForAJustification() throws Exception {
		long campaign = this.jdbc.sql("select campaign_id from response where id = ?")
			.param(this.response)
			.query(Long.class)
			.single();
		java.util.List<Long> others = this.jdbc.sql("""
				select id from structure where departement_code = '66' and kind = 'CS'
				and id <> (select structure_id from response where id = ?) order by id limit 5""")
			.param(this.response)
			.query(Long.class)
			.list();
		assertThat(others).hasSize(5);
		int days = 200;
		for (long other : others) {
			long submitted = this.jdbc.sql("""
					insert into response (campaign_id, structure_id, status, updated_at, submitted_at)
					values (?, ?, 'SUBMITTED', now(), now()) returning id""")
				.params(campaign, other)
				.query(Long.class)
				.single();
			this.jdbc.sql(
					"insert into answer (response_id, code, value, updated_at) values (?, 'jours_ouverture', ?, now())")
				.params(submitted, Integer.toString(days += 10))
				.update();
		}
		this.mvc.perform(autosave("jours_ouverture.0", "230", 0).with(as(STAFF_66)));
		this.mvc.perform(get("/reponses/{id}/soumettre", this.response).with(as(STAFF_66)))
			.andExpect(content().string(not(containsString("fourchette habituelle"))));
		this.mvc.perform(autosave("jours_ouverture.0", "300", 1).with(as(STAFF_66)));
		this.mvc.perform(get("/reponses/{id}/soumettre", this.response).with(as(STAFF_66)))
			.andExpect(content().string(containsString(
					"La valeur sort de la fourchette habituelle du département (de 210 à 250, d’après 5 structures)")));
	}

	@Test
	void aSectionPostedWithAMistakeComesBackWithTheTypedTextAndItsMessageByTheField() throws Exception {
		this.mvc
			.perform(post("/reponses/{id}/sections/identite", this.response).param("f.jours_ouverture.0", "douze")
				.param("f.heures_ouverture_hebdo.0", "30")
				.with(as(STAFF_66))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"douze\""),
					containsString("data-state=\"error\">« douze » n’est pas un nombre entier"))));
		assertThat(stored("jours_ouverture")).isNull();
		assertThat(stored("heures_ouverture_hebdo")).isEqualTo("30");
	}

	@Test
	void aProposalNotYetConfirmedIsNamedAsSuchAtSubmission() throws Exception {
		this.mvc.perform(get("/reponses/{id}/soumettre", this.response).with(as(STAFF_66)))
			.andExpect(content().string(allOf(containsString(
					"La valeur de l’an dernier est proposée mais pas encore confirmée : confirmez la section « Identité et territoire »."),
					containsString("href=\"/reponses/" + this.response + "/sections/identite#q-jours_ouverture-0\""))));
	}

	@Test
	void eachFieldAutosavesWithTheTimeAndItsValueShownBackInFrench() throws Exception {
		this.mvc.perform(autosave("fin_caf_ps_ag.0", "1 234,5", 0).with(as(STAFF_66)))
			.andExpect(status().isOk())
			// 10:00 UTC is 11:00 in Paris.
			.andExpect(content().string(allOf(containsString("Enregistré à 11 h 00"),
					containsString("data-shown=\"1\u202F234,5\u00A0€\""), containsString("value=\"1\""))))
			.andExpect(header().string("HX-Trigger", containsString("\"totaux\":{")));
		assertThat(stored("fin_caf_ps_ag")).isEqualTo("1234.5");

		// Text in a number field: a French message, the stored value kept.
		this.mvc.perform(autosave("fin_caf_ps_ag.0", "douze", 1).with(as(STAFF_66)))
			.andExpect(content().string(containsString("« douze » n’est pas un nombre")));
		assertThat(stored("fin_caf_ps_ag")).isEqualTo("1234.5");

		// The director's page still showed it empty: both values, and a question.
		this.mvc.perform(autosave("fin_caf_ps_ag.0", "900", 0).with(as(MANAGER_66)))
			.andExpect(content().string(allOf(containsString("Quelqu’un d’autre a modifié ce champ"),
					containsString("Valeur enregistrée : 1\u202F234,5\u00A0€"),
					containsString("Votre valeur : 900\u00A0€"))));
		assertThat(stored("fin_caf_ps_ag")).isEqualTo("1234.5");

		// Every change is in the history, with who made it.
		this.mvc.perform(get("/reponses/{id}/historique", this.response).with(as(MANAGER_66)))
			.andExpect(content()
				.string(allOf(containsString("1\u202F234,5\u00A0€"), containsString(displayName(STAFF_66)))));
	}

	@Test
	void tamperedRequestsAreRefusedAndNothingIsStored() throws Exception {
		this.mvc.perform(autosave("pas_une_question.0", "12", 0).with(as(STAFF_66))).andExpect(status().isBadRequest());
		this.mvc.perform(autosave("jours_ouverture", "12", 0).with(as(STAFF_66))).andExpect(status().isBadRequest());
		this.mvc.perform(autosave("jours_ouverture.0", "12", 0).with(as(STAFF_69))).andExpect(status().isNotFound());
		this.mvc.perform(get("/reponses/{id}/sections/identite", this.response).with(as(STAFF_69)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/reponses/{id}/sections/pas-une-section", this.response).with(as(STAFF_66)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select count(*) from answer where response_id = ?")
			.param(this.response)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void submissionListsEachBlockingProblemWithALinkToItsField() throws Exception {
		this.mvc.perform(autosave("jours_ouverture.0", "250", 0).with(as(STAFF_66)));
		this.mvc.perform(get("/reponses/{id}/soumettre", this.response).with(as(STAFF_66)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("empêchent la soumission"),
					containsString("href=\"/reponses/" + this.response + "/sections/identite#q-date_fin_agrement-0\""),
					containsString("Cette question est obligatoire."))));
		// Submitting anyway changes nothing.
		this.mvc.perform(
				post("/reponses/{id}/soumettre", this.response).param("version", "1").with(as(STAFF_66)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("empêchent la soumission")));
		assertThat(this.jdbc.sql("select status from response where id = ?")
			.param(this.response)
			.query(String.class)
			.single()).isEqualTo("IN_PROGRESS");
		this.mvc.perform(autosave("echelle_territoire.0", "commune", 0).with(as(STAFF_66)));
		this.mvc.perform(get("/reponses/{id}/impression", this.response).with(as(STAFF_66)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Nombre de jours d’ouverture"), containsString("250"),
					containsString("Une commune entière"))));
	}

	@Test
	void aSubmittedResponseIsNoLongerChangedAndSubmittingAgainSaysWhy() throws Exception {
		this.jdbc.sql("update response set status = 'SUBMITTED' where id = ?").param(this.response).update();
		this.mvc.perform(autosave("jours_ouverture.0", "250", 0).with(as(STAFF_66)))
			.andExpect(content().string(containsString("ne se modifie plus")));
		this.mvc
			.perform(post("/reponses/{id}/sections/identite", this.response).param("f.jours_ouverture.0", "250")
				.with(as(STAFF_66))
				.with(csrf()))
			.andExpect(redirectedUrl("/reponses/" + this.response + "/sections/identite"));
		this.mvc.perform(
				post("/reponses/{id}/soumettre", this.response).param("version", "0").with(as(STAFF_66)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Cette réponse est soumise : elle ne peut pas être soumise.")));
		assertThat(stored("jours_ouverture")).isNull();
	}

	@Test
	void aRepeatGroupGrowsItemByItem() throws Exception {
		this.mvc.perform(get("/reponses/{id}/sections/partenariats", this.response).with(as(STAFF_66)))
			.andExpect(content().string(allOf(containsString("name=\"f.partenaire_nom.0\""),
					not(containsString("name=\"f.partenaire_nom.1\"")))));
		this.mvc.perform(autosave("partenaire_nom.0", "Mairie de Saint-Hippolyte", 0).with(as(STAFF_66)))
			.andExpect(content().string(containsString("Enregistré")));
		// The saved item, and an empty one to add the next partner.
		this.mvc.perform(get("/reponses/{id}/sections/partenariats", this.response).with(as(STAFF_66)))
			.andExpect(content().string(allOf(containsString("value=\"Mairie de Saint-Hippolyte\""),
					containsString("name=\"f.partenaire_nom.1\""),
					not(containsString("name=\"f.partenaire_nom.2\"")))));
		this.mvc
			.perform(get("/reponses/{id}/sections/partenariats", this.response).param("ajout", "1").with(as(STAFF_66)))
			.andExpect(content().string(containsString("name=\"f.partenaire_nom.2\"")));
		assertThat(
				this.jdbc.sql("select value from answer where response_id = ? and code = 'partenaire_nom' and item = 0")
					.param(this.response)
					.query(String.class)
					.single())
			.isEqualTo("Mairie de Saint-Hippolyte");
	}

	@Test
	void theSessionTokenIsGivenToItsPersonOnly() throws Exception {
		this.mvc.perform(get("/reponses/jeton").with(as(STAFF_66)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<"))));
		this.mvc.perform(get("/reponses/jeton")).andExpect(redirectedUrl("/connexion"));
	}

}
