package fr.maillage.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review screens on a submitted response of a centre social of the
 * Pyrénées-Orientales: a comment the structure sees next to its question, a return for
 * correction, a validation, its withdrawal; one event per transition, an e-mail to the
 * structure each time, the history tab; and every refusal.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ReviewPagesTest {

	static final String REVIEWER_66 = "correspondant66@maillage.example";

	static final String FEDERATION_66 = "federation66@maillage.example";

	static final String ADVISOR_69 = "conseiller.caf69@maillage.example";

	static final String MANAGER_66 = "direction.cs66@maillage.example";

	static final String STAFF_66 = "equipe.cs66@maillage.example";

	/** A data year per test: the database is shared. */
	private static final AtomicInteger YEARS = new AtomicInteger(2090);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Responses responses;

	@Autowired
	ApplicationEvents events;

	private long structure;

	private long response;

	@BeforeEach
	void aSubmittedResponse() {
		CampaignFixtures fixtures = new CampaignFixtures(this.jdbc);
		this.structure = fixtures.structureOf(MANAGER_66);
		long campaign = fixtures.campaign(YEARS.getAndIncrement(), LocalDate.of(2026, 10, 1),
				LocalDate.of(2027, 1, 31));
		// Version 2: started and submitted, as the transitions leave it.
		this.response = this.jdbc.sql("""
				insert into response (campaign_id, structure_id, status, version, submitted_at, updated_at)
				values (?, ?, 'SUBMITTED', 2, now(), now()) returning id""")
			.params(campaign, this.structure)
			.query(Long.class)
			.single();
		fixtures.answer(this.response, "jours_ouverture", 0, "220");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aReturnACorrectionAValidationAndItsWithdrawalEachPublishOneEventAndEmailTheStructure() throws Exception {
		String page = this.mvc.perform(get("/revue/{id}", this.response).with(as(REVIEWER_66)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Points d’attention", "Renvoyer pour correction", "Valider la réponse");

		// A comment on one question: the structure sees it next to the field.
		this.mvc
			.perform(post("/revue/{id}/commentaires", this.response).with(as(REVIEWER_66))
				.with(csrf())
				.param("code", "jours_ouverture")
				.param("texte", "220 jours : l’an dernier c’était 180, est-ce bien l’année pleine ?"))
			.andExpect(redirectedUrl("/revue/" + this.response + "#commentaire-jours_ouverture"));
		this.mvc.perform(get("/reponses/{id}/sections/identite", this.response).with(as(STAFF_66)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("est-ce bien l’année pleine ?")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Remarques de la relecture")));

		// Return without a message: the page again with the message next to the field.
		this.mvc
			.perform(post("/revue/{id}/renvoi", this.response).with(as(REVIEWER_66))
				.with(csrf())
				.param("version", "2")
				.param("message", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Écrivez un message à la structure")));
		assertThat(statusOfResponse()).isEqualTo("SUBMITTED");

		this.mvc
			.perform(post("/revue/{id}/renvoi", this.response).with(as(REVIEWER_66))
				.with(csrf())
				.param("version", "2")
				.param("message", "Merci de vérifier les jours d’ouverture."))
			.andExpect(redirectedUrl("/revue/" + this.response));
		assertThat(statusOfResponse()).isEqualTo("RETURNED");
		assertThat(this.events.stream(ResponseReturned.class).filter(e -> e.responseId() == this.response)).hasSize(1);
		assertThat(mailsTo("response-returned")).containsExactlyInAnyOrderElementsOf(peopleOfTheStructure());

		// The structure submits again (its own page; here the service).
		asSignedIn(STAFF_66, () -> this.responses.submit(this.response, 3));

		// The federation comments and returns, but never validates.
		this.mvc
			.perform(post("/revue/{id}/validation", this.response).with(as(FEDERATION_66))
				.with(csrf())
				.param("version", "4"))
			.andExpect(status().isForbidden());
		// A reviewer who also holds a role on the structure: 403.
		this.jdbc.sql("""
				insert into role_assignment (user_id, role, scope_kind, scope_code, granted_at)
				select id, 'STRUCTURE_STAFF', 'STRUCTURE', ?, now() from app_user where email = ?""")
			.params(Long.toString(this.structure), REVIEWER_66)
			.update();
		try {
			this.mvc
				.perform(post("/revue/{id}/validation", this.response).with(as(REVIEWER_66))
					.with(csrf())
					.param("version", "4"))
				.andExpect(status().isForbidden());
		}
		finally {
			this.jdbc.sql("""
					delete from role_assignment where role = 'STRUCTURE_STAFF' and scope_code = ?
					and user_id = (select id from app_user where email = ?)""")
				.params(Long.toString(this.structure), REVIEWER_66)
				.update();
		}
		assertThat(statusOfResponse()).isEqualTo("SUBMITTED");

		this.mvc.perform(
				post("/revue/{id}/validation", this.response).with(as(REVIEWER_66)).with(csrf()).param("version", "4"))
			.andExpect(redirectedUrl("/revue/" + this.response));
		assertThat(statusOfResponse()).isEqualTo("VALIDATED");
		assertThat(this.events.stream(ResponseValidated.class).filter(e -> e.responseId() == this.response)).hasSize(1);
		assertThat(mailsTo("response-validated")).containsExactlyInAnyOrderElementsOf(peopleOfTheStructure());

		// Withdrawing a validation needs a reason.
		this.mvc
			.perform(post("/revue/{id}/devalidation", this.response).with(as(REVIEWER_66))
				.with(csrf())
				.param("version", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Donnez le motif")));
		this.mvc
			.perform(post("/revue/{id}/devalidation", this.response).with(as(REVIEWER_66))
				.with(csrf())
				.param("version", "5")
				.param("motif", "Le budget a été corrigé par la Caf."))
			.andExpect(redirectedUrl("/revue/" + this.response));
		assertThat(statusOfResponse()).isEqualTo("SUBMITTED");
		assertThat(this.events.stream(ResponseUnvalidated.class).filter(e -> e.responseId() == this.response))
			.hasSize(1);
		assertThat(mailsTo("response-unvalidated")).containsExactlyInAnyOrderElementsOf(peopleOfTheStructure());

		// The history tab: every step and the comment, in order.
		String history = this.mvc.perform(get("/revue/{id}/historique", this.response).with(as(REVIEWER_66)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).containsSubsequence("est-ce bien l’année pleine ?", "Soumise → Renvoyée pour correction",
				"Merci de vérifier les jours d’ouverture.", "Renvoyée pour correction → Soumise", "Soumise → Validée",
				"Validée → Soumise", "Le budget a été corrigé par la Caf.");
	}

	@Test
	void tamperedAndOutOfScopeRequestsAreRefusedWithNothingStored() throws Exception {
		// Another département's advisor: the response does not exist for her.
		this.mvc.perform(get("/revue/{id}", this.response).with(as(ADVISOR_69))).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/revue/{id}/commentaires", this.response).with(as(ADVISOR_69))
				.with(csrf())
				.param("texte", "Hors périmètre"))
			.andExpect(status().isNotFound());
		// A forged id.
		this.mvc.perform(get("/revue/{id}", 987654321L).with(as(REVIEWER_66))).andExpect(status().isNotFound());
		// A question the questionnaire does not have.
		this.mvc
			.perform(post("/revue/{id}/commentaires", this.response).with(as(REVIEWER_66))
				.with(csrf())
				.param("code", "pas_une_question")
				.param("texte", "?"))
			.andExpect(status().isBadRequest());
		// An empty comment: the page again, with the message.
		this.mvc
			.perform(post("/revue/{id}/commentaires", this.response).with(as(REVIEWER_66))
				.with(csrf())
				.param("code", "jours_ouverture")
				.param("texte", "   "))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Écrivez votre commentaire")));
		// The structure's own people do not review.
		this.mvc.perform(get("/revue/{id}", this.response).with(as(MANAGER_66))).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from response_comment where response_id = ?")
			.param(this.response)
			.query(Long.class)
			.single()).isZero();
		assertThat(statusOfResponse()).isEqualTo("SUBMITTED");
	}

	@Test
	void theListShowsTheResponsesToReviewWithinTheScope() throws Exception {
		int year = this.jdbc
			.sql("select c.data_year from campaign c join response r on r.campaign_id = c.id where r.id = ?")
			.param(this.response)
			.query(Integer.class)
			.single();
		String structureName = this.jdbc.sql("select name from structure where id = ?")
			.param(this.structure)
			.query(String.class)
			.single();
		this.mvc.perform(get("/revue").param("annee", Integer.toString(year)).with(as(REVIEWER_66)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(structureName)));
		this.mvc.perform(get("/revue").param("annee", Integer.toString(year)).with(as(ADVISOR_69)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(structureName))));
		this.mvc.perform(get("/revue").param("statut", "inconnu").with(as(REVIEWER_66)))
			.andExpect(status().isNotFound());
	}

	private String statusOfResponse() {
		return this.jdbc.sql("select status from response where id = ?")
			.param(this.response)
			.query(String.class)
			.single();
	}

	private List<String> mailsTo(String template) {
		return this.jdbc.sql("""
				select recipient from email_outbox where template = ? and body_text like ?""")
			.params(template, "%/reponses/" + this.response + "%")
			.query(String.class)
			.list();
	}

	private List<String> peopleOfTheStructure() {
		return this.jdbc.sql("""
				select u.email from app_user u join role_assignment ra on ra.user_id = u.id
				where ra.scope_kind = 'STRUCTURE' and ra.scope_code = ? and u.enabled""")
			.param(Long.toString(this.structure))
			.query(String.class)
			.list();
	}

	private RequestPostProcessor as(String email) {
		return user(this.accounts.loadUserByUsername(email));
	}

	private void asSignedIn(String email, Runnable work) {
		UserDetails person = this.accounts.loadUserByUsername(email);
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
