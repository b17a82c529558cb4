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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Vos chiffres et ceux de votre département" on a response's overview: the median of the
 * other centres of the département that submitted, shown from five of them on.
 */
@MaillageIntegrationTest
@AutoConfigureMockMvc
class DepartementComparisonTest {

	static final String MANAGER_66 = "direction.cs66@maillage.example";

	private static final AtomicInteger YEARS = new AtomicInteger(2480);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	private CampaignFixtures fixtures;

	private int year;

	private long campaign;

	private long own;

	private List<Long> others;

	@BeforeEach
	void theCentreAndFourOthersThatSubmitted() {
		this.fixtures = new CampaignFixtures(this.jdbc);
		this.year = YEARS.getAndIncrement();
		this.campaign = this.fixtures.campaign(this.year, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 2, 28));
		this.own = this.fixtures.response(this.campaign, this.fixtures.structureOf(MANAGER_66),
				ResponseStatus.IN_PROGRESS);
		this.fixtures.answer(this.own, "etp_salaries", 0, "4.25");
		this.fixtures.answer(this.own, "produits_total", 0, "350000");
		this.others = this.fixtures.structuresWithoutAccounts("66", "CS", 7);
		String[] etp = { "2", "3", "5", "8" };
		for (int i = 0; i < etp.length; i++) {
			long response = this.fixtures.response(this.campaign, this.others.get(i),
					(i % 2 == 0) ? ResponseStatus.SUBMITTED : ResponseStatus.VALIDATED);
			this.fixtures.answer(response, "etp_salaries", 0, etp[i]);
			this.fixtures.answer(response, "produits_total", 0, Integer.toString(100_000 * (i + 1)));
		}
		// In progress or returned: not counted.
		this.fixtures.answer(this.fixtures.response(this.campaign, this.others.get(5), ResponseStatus.IN_PROGRESS),
				"etp_salaries", 0, "100");
		this.fixtures.answer(this.fixtures.response(this.campaign, this.others.get(6), ResponseStatus.RETURNED),
				"etp_salaries", 0, "100");
	}

	@AfterEach
	void removeTheCampaign() {
		this.fixtures.remove(this.year, this.year);
	}

	private MvcResult overview() throws Exception {
		return this.mvc
			.perform(get("/reponses/{id}", this.own).with(user(this.accounts.loadUserByUsername(MANAGER_66))))
			.andExpect(status().isOk())
			.andReturn();
	}

	@Test
	void withFourOthersTheComparisonIsHiddenAndTheSentenceSaysWhy() throws Exception {
		MvcResult result = overview();
		DepartementComparison.Comparison comparison = (DepartementComparison.Comparison) result.getModelAndView()
			.getModel()
			.get("comparison");
		assertThat(comparison.shown()).isFalse();
		assertThat(comparison.others()).isEqualTo(4);
		String page = result.getResponse().getContentAsString();
		assertThat(page)
			.contains("Vos chiffres et ceux de votre département",
					"Autres centres sociaux du département ayant soumis leur questionnaire pour cette campagne : 4.",
					"qu’à partir de 5")
			.doesNotContain("Médiane du département");
	}

	@Test
	void withFiveOthersTheMediansAreShownBesideTheCentresOwnFigures() throws Exception {
		long fifth = this.fixtures.response(this.campaign, this.others.get(4), ResponseStatus.SUBMITTED);
		this.fixtures.answer(fifth, "etp_salaries", 0, "13");
		MvcResult result = overview();
		DepartementComparison.Comparison comparison = (DepartementComparison.Comparison) result.getModelAndView()
			.getModel()
			.get("comparison");
		assertThat(comparison.shown()).isTrue();
		assertThat(comparison.others()).isEqualTo(5);
		DepartementComparison.Line etp = comparison.lines()
			.stream()
			.filter(line -> line.code().equals("etp_salaries"))
			.findFirst()
			.orElseThrow();
		// Median of 2, 3, 5, 8, 13 (the in-progress and returned 100s left out).
		assertThat(etp.own()).isEqualTo("4,25");
		assertThat(etp.median()).isEqualTo("5");
		DepartementComparison.Line products = comparison.lines()
			.stream()
			.filter(line -> line.code().equals("produits_total"))
			.findFirst()
			.orElseThrow();
		// Median of 100 000 to 400 000 (the fifth gave none): 250 000 €.
		assertThat(products.own()).isEqualTo("350\u202f000\u00a0€");
		assertThat(products.median()).isEqualTo("250\u202f000\u00a0€");
		assertThat(comparison.lines()).extracting(DepartementComparison.Line::code)
			.containsExactlyElementsOf(DepartementComparison.CODES);
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("Médiane du département", "4,25", "250\u202f000\u00a0€");
	}

}
