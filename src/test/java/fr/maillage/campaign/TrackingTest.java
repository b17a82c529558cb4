package fr.maillage.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tracking page of a crafted campaign: counts and French rates by territory, each
 * person's territory (a Caf advisor of the 66 sees the 66 only, structure people are
 * refused), the late list of a département, and the reminders by hand, once a day.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class TrackingTest {

	static final String ADMIN = "admin@maillage.example";

	static final String CAF_66 = "conseillere.caf66@maillage.example";

	static final String STAFF_66 = "equipe.cs66@maillage.example";

	static final String MANAGER_66 = "direction.cs66@maillage.example";

	private static final AtomicInteger YEARS = new AtomicInteger(2400);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	private CampaignFixtures fixtures;

	private int year;

	/** The 66 responses by status, in the order made. */
	private final List<Long> late66 = new ArrayList<>();

	private final List<Long> done66 = new ArrayList<>();

	private long late69;

	private long ownResponse;

	@BeforeEach
	void aCampaignInThe66AndThe69() {
		this.fixtures = new CampaignFixtures(this.jdbc);
		this.year = YEARS.getAndIncrement();
		long campaign = this.fixtures.campaign(this.year, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 2, 28));
		// 66: 2 not started (one of them the demo centre with accounts), 3 in progress,
		// 2 submitted, 1 returned, 2 validated.
		List<Long> in66 = this.fixtures.structuresWithoutAccounts("66", "CS", 9);
		this.ownResponse = this.fixtures.response(campaign, this.fixtures.structureOf(MANAGER_66),
				ResponseStatus.NOT_STARTED);
		this.late66.add(this.ownResponse);
		ResponseStatus[] statuses = { ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS,
				ResponseStatus.IN_PROGRESS, ResponseStatus.IN_PROGRESS, ResponseStatus.SUBMITTED,
				ResponseStatus.SUBMITTED, ResponseStatus.RETURNED, ResponseStatus.VALIDATED, ResponseStatus.VALIDATED };
		for (int i = 0; i < statuses.length; i++) {
			long id = this.fixtures.response(campaign, in66.get(i), statuses[i]);
			(TrackingRepository.LATE.contains(statuses[i].name()) ? this.late66 : this.done66).add(id);
		}
		// 69: 1 submitted, 1 in progress.
		List<Long> in69 = this.fixtures.structuresWithoutAccounts("69", "CS", 2);
		this.fixtures.response(campaign, in69.get(0), ResponseStatus.SUBMITTED);
		this.late69 = this.fixtures.response(campaign, in69.get(1), ResponseStatus.IN_PROGRESS);
	}

	@AfterEach
	void removeTheCampaign() {
		this.fixtures.remove(this.year, this.year);
	}

	private RequestPostProcessor as(String email) {
		return user(this.accounts.loadUserByUsername(email));
	}

	private Tracking.Rates rates(String email) throws Exception {
		MvcResult result = this.mvc.perform(get("/suivi").param("annee", Integer.toString(this.year)).with(as(email)))
			.andExpect(status().isOk())
			.andReturn();
		return (Tracking.Rates) result.getModelAndView().getModel().get("rates");
	}

	@Test
	void ratesAreCountedByTerritoryAndShownTheFrenchWay() throws Exception {
		Tracking.Rates rates = rates(ADMIN);
		assertThat(rates.nation()).isTrue();
		assertThat(rates.total()).isEqualTo(new Counts(12, 2, 4, 5, 1, 2));
		Tracking.Line d66 = rates.departements().stream().filter(l -> l.code().equals("66")).findFirst().orElseThrow();
		// 10 expected; submitted = 2 submitted + 2 validated; the returned one apart.
		assertThat(d66.counts()).isEqualTo(new Counts(10, 2, 3, 4, 1, 2));
		assertThat(d66.counts().responseRate()).isEqualTo("40\u00a0%");
		assertThat(d66.counts().validationRate()).isEqualTo("50\u00a0%");
		Tracking.Line d69 = rates.departements().stream().filter(l -> l.code().equals("69")).findFirst().orElseThrow();
		assertThat(d69.counts()).isEqualTo(new Counts(2, 0, 1, 1, 0, 0));
		assertThat(d69.counts().validationRate()).isEqualTo("0\u00a0%");
		assertThat(rates.total().responseRate()).isEqualTo("41,7\u00a0%");
		// Both regions (Occitanie, Auvergne-Rhône-Alpes) for the nation.
		assertThat(rates.regions()).extracting(Tracking.Line::code).containsExactly("76", "84");
		assertThat(rates.regions().stream().mapToInt(l -> l.counts().target()).sum()).isEqualTo(12);

		this.mvc.perform(get("/suivi").param("annee", Integer.toString(this.year)).with(as(ADMIN)))
			.andExpect(content().string(containsString("40\u00a0%")))
			.andExpect(content()
				.string(containsString("<progress class=\"avancement d-block mt-1\" max=\"10\" value=\"4\"")))
			.andExpect(content().string(containsString("/suivi/departements/66?annee=" + this.year)));
		assertThat(Counts.percent(1, 3)).isEqualTo("33,3\u00a0%");
		assertThat(new Counts(0, 0, 0, 0, 0, 0).responseRate()).isNull();
	}

	@Test
	void aCafAdvisorOfThe66SeesThe66OnlyAndStructurePeopleAreRefused() throws Exception {
		Tracking.Rates rates = rates(CAF_66);
		assertThat(rates.nation()).isFalse();
		assertThat(rates.departements()).extracting(Tracking.Line::code).containsExactly("66");
		assertThat(rates.regions()).isEmpty();
		assertThat(rates.total()).isEqualTo(new Counts(10, 2, 3, 4, 1, 2));
		this.mvc.perform(get("/suivi/departements/69").param("annee", Integer.toString(this.year)).with(as(CAF_66)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/suivi/reponses/{id}/relance", this.late69).with(csrf()).with(as(CAF_66)))
			.andExpect(status().isNotFound());
		assertThat(this.fixtures.reminderRows(this.late69)).isZero();
		this.mvc.perform(get("/suivi/departements/2B").with(as(CAF_66))).andExpect(status().isNotFound());
		for (String structurePerson : List.of(STAFF_66, MANAGER_66)) {
			this.mvc.perform(get("/suivi").with(as(structurePerson))).andExpect(status().isForbidden());
			this.mvc.perform(get("/suivi/departements/66").with(as(structurePerson))).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/suivi/reponses/{id}/relance", this.ownResponse).with(csrf()).with(as(structurePerson)))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void theLateListShowsThoseWhoHaveNotSubmittedWithTheirDeadline() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/suivi/departements/66").param("annee", Integer.toString(this.year)).with(as(CAF_66)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("28 février 2027 à 23 h 59")))
			.andExpect(content().string(containsString("Relancer les structures en retard (6)")))
			.andReturn();
		Tracking.LateList late = (Tracking.LateList) result.getModelAndView().getModel().get("late");
		assertThat(late.structures()).extracting(Tracking.LateStructure::responseId)
			.containsExactlyInAnyOrderElementsOf(this.late66);
		assertThat(late.structures()).extracting(Tracking.LateStructure::status)
			.containsOnly(ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS, ResponseStatus.RETURNED);
		assertThat(late.structures()).allSatisfy(s -> {
			assertThat(s.deadline()).isEqualTo(java.time.Instant.parse("2027-02-28T22:59:59Z"));
			assertThat(s.remindedToday()).isFalse();
		});
		// The same list for the nation.
		Tracking.LateList national = (Tracking.LateList) this.mvc
			.perform(get("/suivi/departements/66").param("annee", Integer.toString(this.year)).with(as(ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("late");
		assertThat(national.structures()).hasSize(6);
		// An extension moves that structure's deadline.
		this.jdbc
			.sql("insert into response_extension (response_id, until_on, granted_at) values (?, '2027-03-15', now())")
			.param(this.late66.get(1))
			.update();
		Tracking.LateList extended = (Tracking.LateList) this.mvc
			.perform(get("/suivi/departements/66").param("annee", Integer.toString(this.year)).with(as(CAF_66)))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("late");
		assertThat(extended.structures()).filteredOn(s -> s.responseId() == this.late66.get(1))
			.singleElement()
			.extracting(Tracking.LateStructure::closesOn)
			.isEqualTo(LocalDate.of(2027, 3, 15));
	}

	@Test
	void aReminderByHandTwiceTheSameDaySendsOnce() throws Exception {
		long response = this.late66.get(1);
		long structure = this.jdbc.sql("select structure_id from response where id = ?")
			.param(response)
			.query(Long.class)
			.single();
		String email = this.fixtures.emailOf(structure);
		int before = this.fixtures.remindersTo(email);
		this.mvc.perform(post("/suivi/reponses/{id}/relance", response).with(csrf()).with(as(CAF_66)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("reminded", "SENT"));
		assertThat(this.fixtures.remindersTo(email)).isEqualTo(before + 1);
		String body = this.jdbc.sql("""
				select body_text from email_outbox where template = 'response-reminder' and lower(recipient) = lower(?)
				order by id desc limit 1""").param(email).query(String.class).single();
		assertThat(body).contains("n’a pas encore été soumis", "28 février 2027", "/invitation/");
		this.mvc.perform(post("/suivi/reponses/{id}/relance", response).with(csrf()).with(as(CAF_66)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("reminded", "ALREADY_TODAY"));
		assertThat(this.fixtures.remindersTo(email)).isEqualTo(before + 1);
		assertThat(this.fixtures.reminderRows(response)).isEqualTo(1);
		// Its row says so, and its button is off.
		this.mvc.perform(get("/suivi/departements/66").param("annee", Integer.toString(this.year)).with(as(CAF_66)))
			.andExpect(content().string(containsString("Déjà relancée aujourd’hui")))
			.andExpect(content().string(containsString("disabled=\"disabled\"")));
		// A submitted response is never reminded.
		long submitted = this.done66.getFirst();
		this.mvc.perform(post("/suivi/reponses/{id}/relance", submitted).with(csrf()).with(as(CAF_66)))
			.andExpect(flash().attribute("reminded", "NOT_LATE"));
		assertThat(this.fixtures.reminderRows(submitted)).isZero();
	}

	@Test
	void remindingEveryLateStructureTwiceTheSameDaySendsOnceEach() throws Exception {
		int peopleBefore = this.fixtures.remindersTo(MANAGER_66);
		List<String> registryAddresses = new ArrayList<>();
		for (long response : this.late66.subList(1, this.late66.size())) {
			registryAddresses.add(this.fixtures.emailOf(this.jdbc.sql("select structure_id from response where id = ?")
				.param(response)
				.query(Long.class)
				.single()));
		}
		List<Integer> before = registryAddresses.stream().map(this.fixtures::remindersTo).toList();
		this.mvc
			.perform(post("/suivi/departements/66/relances").param("annee", Integer.toString(this.year))
				.with(csrf())
				.with(as(CAF_66)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("remindedSent", 6))
			.andExpect(flash().attribute("remindedAlready", 0));
		// The centre with accounts: its people, not its registry address.
		assertThat(this.fixtures.remindersTo(MANAGER_66)).isEqualTo(peopleBefore + 1);
		for (int i = 0; i < registryAddresses.size(); i++) {
			assertThat(this.fixtures.remindersTo(registryAddresses.get(i))).isEqualTo(before.get(i) + 1);
		}
		String body = this.jdbc.sql("""
				select body_text from email_outbox where template = 'response-reminder' and lower(recipient) = lower(?)
				order by id desc limit 1""").param(MANAGER_66).query(String.class).single();
		assertThat(body).contains("/reponses/" + this.ownResponse).doesNotContain("/invitation/");

		this.mvc
			.perform(post("/suivi/departements/66/relances").param("annee", Integer.toString(this.year))
				.with(csrf())
				.with(as(CAF_66)))
			.andExpect(flash().attribute("remindedSent", 0))
			.andExpect(flash().attribute("remindedAlready", 6));
		assertThat(this.fixtures.remindersTo(MANAGER_66)).isEqualTo(peopleBefore + 1);
		for (int i = 0; i < registryAddresses.size(); i++) {
			assertThat(this.fixtures.remindersTo(registryAddresses.get(i))).isEqualTo(before.get(i) + 1);
		}
		for (long done : this.done66) {
			assertThat(this.fixtures.reminderRows(done)).isZero();
		}
		assertThat(this.jdbc.sql("select trigger from response_reminder where response_id = ?")
			.param(this.ownResponse)
			.query(String.class)
			.single()).isEqualTo("MANUAL");
		this.mvc.perform(get("/suivi/departements/66").param("annee", Integer.toString(this.year)).with(as(CAF_66)))
			.andExpect(content().string(containsString("Déjà relancée aujourd’hui")))
			.andExpect(content().string(not(containsString("Jamais relancée"))));
	}

	@Test
	void theDemoCampaignLooksAliveAndTheSpaceLeadsThere() throws Exception {
		MvcResult result = this.mvc.perform(get("/suivi").param("annee", "2025").with(as(CAF_66)))
			.andExpect(status().isOk())
			.andReturn();
		Tracking.Rates rates = (Tracking.Rates) result.getModelAndView().getModel().get("rates");
		Counts demo = rates.total();
		assertThat(demo.target()).isPositive();
		assertThat(demo.submitted()).isPositive();
		assertThat(demo.inProgress() + demo.notStarted()).isPositive();
		assertThat(result.getResponse().getContentAsString()).contains("Suivi de la campagne des données 2025",
				"/suivi/export?annee=2025&amp;format=large&amp;type=xlsx");
		this.mvc.perform(get("/espace").with(as(CAF_66)))
			.andExpect(content().string(containsString("href=\"/suivi\"")));
		this.mvc.perform(get("/espace").with(as(STAFF_66)))
			.andExpect(content().string(not(containsString("href=\"/suivi\""))));
	}

}
