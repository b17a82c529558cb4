package fr.maillage.campaign;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign's lifecycle: its target, its opening (responses, invitations, claim links,
 * once), the deadline lock, extensions and the "à faire" list. The schema accepts data
 * years 2000 to 2100 only: campaigns here are of data years 2001 to 2019, which no other
 * test uses and where no demo structure is approved (demo approvals start in 2018 at the
 * earliest, and targets are computed only for 2001 and 2008, whose structures' approvals
 * stay within 1998-2002 and 2007-2011). The clock is 27 November 2026, 11:00 in Paris.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class CampaignLifecycleTest {

	static final String ADMIN = "admin@maillage.example";

	static final String ADVISOR_66 = "conseillere.caf66@maillage.example";

	static final String ADVISOR_69 = "conseiller.caf69@maillage.example";

	static final String REVIEWER_66 = "correspondant66@maillage.example";

	static final String STAFF_66 = "equipe.cs66@maillage.example";

	static final String MANAGER_66 = "direction.cs66@maillage.example";

	/**
	 * Data years of the campaigns whose deadline tests make: no structure's target is
	 * computed for them.
	 */
	private static final AtomicInteger YEARS = new AtomicInteger(2010);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	CampaignLifecycle lifecycle;

	@Autowired
	Answers answers;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theTargetIsEveryStructureApprovedOnAtLeastOneDayOfTheDataYear() throws Exception {
		int year = 2001;
		long campaign = campaign(year, year + 1 + "-01-31", false);
		long endsMidYear = structure("Centre de mi-année " + year, "CS", commune("66"), null);
		approval(endsMidYear, "AG", (year - 1) + "-07-01", year + "-06-30");
		long startsNextYear = structure("Centre de l’an prochain " + year, "CS", commune("69"), null);
		approval(startsNextYear, "AG", (year + 1) + "-01-01", (year + 1) + "-12-31");
		long expired = structure("Centre expiré " + year, "CS", commune("66"), null);
		approval(expired, "AG", (year - 3) + "-01-01", (year - 1) + "-12-31");
		long reunion = structure("EVS; de La Réunion " + year, "EVS", commune("974"),
				"evs" + year + "@maillage.example");
		approval(reunion, "EVS", year + "-01-01", (year + 1) + "-12-31");

		CampaignLifecycle.Target target = as(ADMIN, () -> this.lifecycle.target(campaign));
		assertThat(target.lines()).extracting(line -> line.structure().id())
			.containsExactlyInAnyOrder(endsMidYear, reunion);
		assertThat(target.byKind()).containsEntry("CS", 1).containsEntry("EVS", 1);
		assertThat(target.byDepartement()).containsEntry("66", 1).containsEntry("974", 1);
		assertThat(target.lines()).filteredOn(line -> line.structure().id() == reunion)
			.extracting(CampaignLifecycle.TargetLine::reach)
			.containsExactly(CampaignLifecycle.Reach.CLAIM);

		this.mvc.perform(get("/admin/campagnes/{id}", campaign).with(as(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Centre de mi-année " + year),
					containsString("EVS; de La Réunion " + year), not(containsString("Centre expiré " + year)),
					not(containsString("Centre de l’an prochain " + year)), containsString("Ouvrir la campagne"))));
		MvcResult csv = this.mvc.perform(get("/admin/campagnes/{id}/cible.csv", campaign).with(as(ADMIN)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		byte[] bytes = csv.getResponse().getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
		assertThat(lines.getFirst())
			.isEqualTo("Identifiant;Nom;Type;Département;Commune;Début de l’agrément;Fin de l’agrément;Contact");
		assertThat(lines).hasSize(3);
		assertThat(lines)
			.anySatisfy(line -> assertThat(line).startsWith(endsMidYear + ";Centre de mi-année " + year + ";CS;66;")
				.contains(";01/07/" + (year - 1) + ";30/06/" + year + ";Aucune adresse"));
		// A name holding the separator is quoted.
		assertThat(lines)
			.anySatisfy(line -> assertThat(line).startsWith(reunion + ";\"EVS; de La Réunion " + year + "\";EVS;974;")
				.endsWith(";Adresse du registre (lien de rattachement)"));
		// Only the national administration.
		this.mvc.perform(get("/admin/campagnes/{id}/cible.csv", campaign).with(as(ADVISOR_66)))
			.andExpect(status().isForbidden());
	}

	@Test
	void openingCreatesEachTargetResponseOnceInvitesItsPeopleOrSendsAClaimLinkAndIsRefusedTwice() throws Exception {
		int year = 2008;
		long campaign = campaign(year, year + 1 + "-01-31", false);
		long withPeople = structure("Centre avec équipe " + year, "CS", commune("974"),
				"accueil" + year + "@maillage.example");
		approval(withPeople, "AG", year + "-01-01", (year + 3) + "-12-31");
		String person = "personne" + year + "@maillage.example";
		long personId = this.jdbc
			.sql("insert into app_user (email, display_name, created_at) values (?, 'Personne', now()) returning id")
			.param(person)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into role_assignment (user_id, role, scope_kind, scope_code, granted_at)
				values (?, 'STRUCTURE_STAFF', 'STRUCTURE', ?, now())""")
			.params(personId, Long.toString(withPeople))
			.update();
		String registry = "registre" + year + "@maillage.example";
		long contactless = structure("Espace sans compte " + year, "EVS", commune("973"), registry);
		approval(contactless, "EVS", (year - 1) + "-04-01", year + "-03-31");
		long unreachable = structure("Espace sans adresse " + year, "EVS", commune("66"), null);
		approval(unreachable, "EVS", year + "-01-01", year + "-12-31");
		// One response exists already: the opening does not duplicate it.
		this.jdbc.sql("insert into response (campaign_id, structure_id, updated_at) values (?, ?, now())")
			.params(campaign, unreachable)
			.update();

		this.mvc.perform(post("/admin/campagnes/{id}/ouverture", campaign).with(as(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/admin/campagnes/" + campaign))
			.andExpect(flash().attributeExists("opening"));

		assertThat(this.jdbc.sql("select structure_id || ' ' || status from response where campaign_id = ?")
			.param(campaign)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(withPeople + " NOT_STARTED", contactless + " NOT_STARTED",
					unreachable + " NOT_STARTED");
		assertThat(this.jdbc.sql("select opened_at is not null from campaign where id = ?")
			.param(campaign)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql(
				"select after ->> 'responsesCreated' from audit_entry where action = 'campaign.opened' and object_id = ?")
			.param(Long.toString(campaign))
			.query(String.class)
			.list()).containsExactly("2");
		// The person is invited, at the structure's own time (La Réunion).
		List<String> invitation = mails(person);
		assertThat(invitation).hasSize(1);
		assertThat(invitation.getFirst()).startsWith("campaign-opened|")
			.contains("pour les données " + year + " de Centre avec équipe " + year)
			.contains("jusqu’au 31 janvier " + (year + 1) + " à 23 h 59")
			.contains("/reponses");
		// Nobody has an account at the second: its registry address gets a claim link.
		List<String> claim = mails(registry);
		assertThat(claim).hasSize(1);
		assertThat(claim.getFirst()).startsWith("campaign-opened-claim|")
			.contains("/invitation/")
			.contains("31 janvier " + (year + 1) + " à 23 h 59");
		assertThat(this.jdbc.sql("select count(*) from invitation where claim and lower(email) = ?")
			.param(registry)
			.query(Long.class)
			.single()).isEqualTo(1);
		// The structure with a registry address but people is not written at that
		// address.
		assertThat(mails("accueil" + year + "@maillage.example")).isEmpty();

		this.mvc.perform(post("/admin/campagnes/{id}/ouverture", campaign).with(as(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/admin/campagnes/" + campaign))
			.andExpect(flash().attribute("problem", "lifecycle.open.already"));
		assertThat(mails(person)).hasSize(1);
		assertThat(mails(registry)).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from response where campaign_id = ?")
			.param(campaign)
			.query(Long.class)
			.single()).isEqualTo(3);
		this.mvc.perform(get("/admin/campagnes/{id}", campaign).with(as(ADMIN)))
			.andExpect(content().string(
					allOf(containsString("Ouverte le 27 novembre 2026"), not(containsString("Ouvrir la campagne")))));
		// Only the national administration opens.
		long other = campaign(year + 1, year + 2 + "-01-31", false);
		this.mvc.perform(post("/admin/campagnes/{id}/ouverture", other).with(as(ADVISOR_66)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/campagnes/{id}/ouverture", 987_654_321L).with(as(ADMIN)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void afterTheDeadlineNothingIsSavedPostedOrSubmittedAndTheDateIsGivenInFrench() throws Exception {
		long response = responseOf66(campaign(YEARS.getAndAdd(2), "2026-11-20", false));
		String closed = "Le questionnaire est clos depuis le 20 novembre 2026 à 23 h 59.";

		this.mvc
			.perform(post("/reponses/{id}/valeurs", response).header("HX-Request", "true")
				.param("champ", "jours_ouverture.0")
				.param("f.jours_ouverture.0", "200")
				.param("v.jours_ouverture.0", "0")
				.with(as(STAFF_66))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(closed)));
		this.mvc
			.perform(post("/reponses/{id}/sections/identite", response).param("f.jours_ouverture.0", "200")
				.param("v.jours_ouverture.0", "0")
				.with(as(STAFF_66))
				.with(csrf()))
			.andExpect(redirectedUrl("/reponses/" + response + "/sections/identite"))
			.andExpect(flash().attribute("problem", "answer.error.closed-not-saved"));
		this.mvc
			.perform(post("/reponses/{id}/soumettre", response).param("version", "0").with(as(STAFF_66)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(closed)));
		assertThat(answerCount(response)).isZero();
		assertThat(statusOf(response)).isEqualTo("NOT_STARTED");
		// The pages say so instead of offering fields.
		this.mvc.perform(get("/reponses/{id}/sections/identite", response).with(as(STAFF_66)))
			.andExpect(content().string(allOf(containsString(closed), not(containsString("data-hx-post")))));
	}

	@Test
	void aResponseReturnedForCorrectionStaysEditableAfterTheClose() {
		long response = responseOf66(campaign(YEARS.getAndAdd(2), "2026-11-20", false));
		this.jdbc.sql("update response set status = 'RETURNED' where id = ?").param(response).update();
		assertThat(as(STAFF_66, () -> this.answers.save(response, "jours_ouverture", 0, "210", 0)))
			.isInstanceOf(Answers.Saved.class);
		assertThat(answerCount(response)).isEqualTo(1);
	}

	@Test
	void anAdvisorExtendsTheDeadlineOnlyAfterTheCloseAndTheStructureAnswersAgain() throws Exception {
		long response = responseOf66(campaign(YEARS.getAndAdd(2), "2026-11-20", false));
		this.mvc.perform(get("/reponses/{id}", response).with(as(ADVISOR_66)))
			.andExpect(content().string(allOf(containsString("Prolongation du délai"), containsString(
					"Aucune prolongation : la date limite est celle de la campagne, le 20 novembre 2026"))));
		this.mvc.perform(get("/reponses/{id}", response).with(as(STAFF_66)))
			.andExpect(content().string(not(containsString("Prolongation du délai"))));

		for (String notAfter : List.of("2026-11-20", "2026-11-01")) {
			this.mvc
				.perform(post("/reponses/{id}/prolongation", response).param("until", notAfter)
					.with(as(ADVISOR_66))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(
						containsString("La nouvelle date doit être postérieure à la clôture du 20 novembre 2026."),
						containsString("id=\"until-erreur\""))));
		}
		this.mvc
			.perform(post("/reponses/{id}/prolongation", response).param("until", "").with(as(ADVISOR_66)).with(csrf()))
			.andExpect(content().string(containsString("Indiquez la nouvelle date limite.")));
		this.mvc
			.perform(post("/reponses/{id}/prolongation", response).param("until", "31/12/2026")
				.with(as(ADVISOR_66))
				.with(csrf()))
			.andExpect(content().string(containsString("Cette date n’est pas lisible")));
		assertThat(extension(response)).isEmpty();
		// Before the extension, saving is refused.
		assertThat(as(STAFF_66, () -> this.answers.save(response, "jours_ouverture", 0, "200", 0)))
			.isInstanceOfSatisfying(Answers.Refused.class, refused -> {
				assertThat(refused.message()).isEqualTo("answer.error.closed");
				assertThat(refused.arguments()).containsExactly("20 novembre 2026 à 23 h 59");
			});

		this.mvc
			.perform(post("/reponses/{id}/prolongation", response).param("until", "2026-12-15")
				.with(as(ADVISOR_66))
				.with(csrf()))
			.andExpect(redirectedUrl("/reponses/" + response));
		assertThat(extension(response)).containsExactly("2026-12-15");
		assertThat(this.jdbc
			.sql("select after ->> 'untilOn' from audit_entry where action = 'response.extended' and object_id = ?")
			.param(Long.toString(response))
			.query(String.class)
			.list()).containsExactly("2026-12-15");
		assertThat(mails(STAFF_66)).anySatisfy(mail -> assertThat(mail).startsWith("response-extended|")
			.contains("jusqu’au 15 décembre 2026 à 23 h 59"));
		assertThat(as(STAFF_66, () -> this.answers.save(response, "jours_ouverture", 0, "200", 0)))
			.isInstanceOf(Answers.Saved.class);
		assertThat(answerCount(response)).isEqualTo(1);
		this.mvc.perform(get("/reponses/{id}", response).with(as(ADVISOR_66)))
			.andExpect(content().string(containsString("Délai prolongé jusqu’au 15 décembre 2026")));
	}

	@Test
	void extendingAForgedOrOutOfScopeResponseIsNotFoundAndOtherRolesAreForbidden() throws Exception {
		long response = responseOf66(campaign(YEARS.getAndAdd(2), "2026-11-20", false));
		this.mvc
			.perform(post("/reponses/{id}/prolongation", 987_654_321L).param("until", "2026-12-15")
				.with(as(ADVISOR_66))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/reponses/{id}/prolongation", response).param("until", "2026-12-15")
				.with(as(ADVISOR_69))
				.with(csrf()))
			.andExpect(status().isNotFound());
		for (String role : List.of(REVIEWER_66, STAFF_66, MANAGER_66)) {
			this.mvc
				.perform(post("/reponses/{id}/prolongation", response).param("until", "2026-12-15")
					.with(as(role))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(extension(response)).isEmpty();
		// The national administration may.
		this.mvc.perform(
				post("/reponses/{id}/prolongation", response).param("until", "2026-12-01").with(as(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/reponses/" + response));
		assertThat(extension(response)).containsExactly("2026-12-01");
	}

	@Test
	void eachPersonSeesWhatIsToDoWithItsDeadlineStatusLinkAndCafAdvisor() throws Exception {
		int year = YEARS.getAndAdd(2);
		long open = responseOf66(campaign(year, "2027-03-15", true));
		long notOpened = responseOf66(campaign(year + 1, "2027-04-15", false));
		this.mvc.perform(get("/reponses").with(as(STAFF_66)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("À faire"), containsString("href=\"/reponses/" + open + "\">Répondre</a>"),
						containsString("15 mars 2027 à 23 h 59"), containsString("Non commencée"),
						containsString("href=\"mailto:" + ADVISOR_66 + "\""), not(containsString("15 avril 2027")),
						containsString("href=\"/reponses/" + notOpened + "\""))));
		// "Mon espace" says it briefly: opened campaigns only.
		this.mvc.perform(get("/espace").with(as(STAFF_66)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("À faire"), containsString("href=\"/reponses/" + open + "\""),
							containsString("questionnaire des données " + year),
							containsString("Non commencée, à remettre au plus tard le 15 mars 2027 à 23 h 59"),
							not(containsString("href=\"/reponses/" + notOpened + "\"")))));
		this.mvc.perform(get("/espace").with(as(ADVISOR_66)))
			.andExpect(content().string(not(containsString("questionnaire des données " + year))));
	}

	// Helpers

	@Test
	void theNationalAdministrationChoosesTheReminderDaysAndAMistakeKeepsThemAsTheyWere() throws Exception {
		// A data year of its own: YEARS holds just enough for the tests above.
		long campaign = campaign(2093, "2027-01-31", true);
		this.mvc
			.perform(post("/admin/campagnes/{id}/relances", campaign).with(as(ADMIN))
				.with(csrf())
				.param("jours", "7, 21 ; 1 7"))
			.andExpect(status().is3xxRedirection());
		assertThat(reminderDays(campaign)).isEqualTo("{21,7,1}");
		this.mvc.perform(get("/admin/campagnes/{id}", campaign).with(as(ADMIN)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"21, 7, 1\"")));
		for (String wrong : List.of("7, demain", "0", "91", "30, 20, 14, 10, 7, 3, 1")) {
			this.mvc.perform(
					post("/admin/campagnes/{id}/relances", campaign).with(as(ADMIN)).with(csrf()).param("jours", wrong))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("entre 1 et 90")));
			assertThat(reminderDays(campaign)).isEqualTo("{21,7,1}");
		}
		// No automatic reminder at all.
		this.mvc
			.perform(post("/admin/campagnes/{id}/relances", campaign).with(as(ADMIN)).with(csrf()).param("jours", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(reminderDays(campaign)).isEqualTo("{}");
		this.mvc.perform(
				post("/admin/campagnes/{id}/relances", campaign).with(as(ADVISOR_66)).with(csrf()).param("jours", "3"))
			.andExpect(status().isForbidden());
	}

	private String reminderDays(long campaign) {
		return this.jdbc.sql("select reminder_days::text from campaign where id = ?")
			.param(campaign)
			.query(String.class)
			.single();
	}

	private long campaign(int year, String closesOn, boolean opened) {
		return this.jdbc.sql("""
				insert into campaign (data_year, opens_on, closes_on, questionnaire_version_id, created_at, opened_at)
				values (?, least('2026-10-01'::date, ?::date - 90), ?::date,
				        (select id from questionnaire_version where family = 'national' and version = '2026'), now(),
				        case when ? then now() end)
				returning id""").params(year, closesOn, closesOn, opened).query(Long.class).single();
	}

	private String commune(String departement) {
		return this.jdbc.sql("select min(code) from commune where departement_code = ?")
			.param(departement)
			.query(String.class)
			.single();
	}

	private long structure(String name, String kind, String commune, String email) {
		return this.jdbc.sql("insert into structure (name, kind, commune_code, email) values (?, ?, ?, ?) returning id")
			.params(name, kind, commune, email)
			.query(Long.class)
			.single();
	}

	private void approval(long structure, String kind, String startsOn, String endsOn) {
		this.jdbc.sql("""
				insert into approval (structure_id, kind_code, starts_on, ends_on, created_at)
				values (?, ?, ?::date, ?::date, now())""").params(structure, kind, startsOn, endsOn).update();
	}

	private long responseOf66(long campaign) {
		long structure = this.jdbc.sql("""
				select ra.scope_code::bigint from role_assignment ra join app_user u on u.id = ra.user_id
				where u.email = ? and ra.role = 'STRUCTURE_MANAGER'""").param(MANAGER_66).query(Long.class).single();
		return this.jdbc
			.sql("insert into response (campaign_id, structure_id, updated_at) values (?, ?, now()) returning id")
			.params(campaign, structure)
			.query(Long.class)
			.single();
	}

	private long answerCount(long response) {
		return this.jdbc.sql("select count(*) from answer where response_id = ?")
			.param(response)
			.query(Long.class)
			.single();
	}

	private String statusOf(long response) {
		return this.jdbc.sql("select status from response where id = ?").param(response).query(String.class).single();
	}

	private List<String> extension(long response) {
		return this.jdbc.sql("select until_on::text from response_extension where response_id = ?")
			.param(response)
			.query(String.class)
			.list();
	}

	/** The queued e-mails to an address: template, then the text body. */
	private List<String> mails(String recipient) {
		return this.jdbc
			.sql("select template || '|' || body_text from email_outbox where lower(recipient) = lower(?) order by id")
			.param(recipient)
			.query(String.class)
			.list();
	}

	private RequestPostProcessor as(String email) {
		return user(this.accounts.loadUserByUsername(email));
	}

	private <T> T as(String email, Supplier<T> work) {
		UserDetails user = this.accounts.loadUserByUsername(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
