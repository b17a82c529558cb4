package fr.maillage.observatory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import fr.maillage.campaign.Responses;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures follow validations within a second, from validated responses only, and
 * statistical confidentiality holds on crafted data: a four-structure département is
 * secret and cannot be derived from its region's figures.
 */
@MaillageIntegrationTest
class FigureRefreshTest {

	private static final String ADVISOR_66 = "conseillere.caf66@maillage.example";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FigureRefresh refresh;

	@Autowired
	Figures figures;

	@Autowired
	FigureRepository repository;

	@Autowired
	Responses responses;

	@Autowired
	UserDetailsService accounts;

	private ObservatoryFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new ObservatoryFixtures(this.jdbc);
	}

	@AfterEach
	void removeStructures() {
		this.fixtures.removeCreatedStructures();
	}

	@Test
	void validatingOneMoreResponseChangesItsDepartementAndRegionFiguresWithinASecond() throws Exception {
		int year = 2601;
		long campaign = this.fixtures.campaign(year);
		List<Long> in66 = this.fixtures.structures("66", "CS", 7);
		for (int i = 0; i < 6; i++) {
			this.fixtures.response(campaign, in66.get(i), "VALIDATED", Map.of("benevoles_activite", "10"));
		}
		long submitted = this.fixtures.response(campaign, in66.get(6), "SUBMITTED", Map.of("benevoles_activite", "25"));
		this.refresh.refresh(year);
		assertThat(value(year, TerritoryRef.departement("66"))).isEqualByComparingTo("60");
		assertThat(value(year, TerritoryRef.region("76"))).isEqualByComparingTo("60");
		assertThat(this.figures.sheet(TerritoryRef.departement("66"), year).validated()).isEqualTo(6);

		long started = System.nanoTime();
		as(ADVISOR_66, () -> this.responses.validate(submitted, 3));
		BigDecimal after = awaitChange(() -> value(year, TerritoryRef.departement("66")), new BigDecimal("60"),
				Duration.ofSeconds(1));
		long elapsed = (System.nanoTime() - started) / 1_000_000;

		assertThat(after).as("visible %d ms after the validation", elapsed).isEqualByComparingTo("85");
		assertThat(value(year, TerritoryRef.region("76"))).isEqualByComparingTo("85");
		assertThat(value(year, TerritoryRef.NATION)).isEqualByComparingTo("85");
		assertThat(this.figures.sheet(TerritoryRef.departement("66"), year).validated()).isEqualTo(7);
	}

	@Test
	void aFourStructureDepartementIsSecretAndCannotBeDerivedFromItsRegion() {
		int year = 2602;
		long campaign = this.fixtures.campaign(year);
		// Lozère has no demo structure: four crafted ones, and enough elsewhere in
		// Occitanie.
		for (int i = 0; i < 4; i++) {
			long structure = this.fixtures.newStructure("Centre social de test " + i, "CS", "48095");
			this.fixtures.response(campaign, structure, "VALIDATED", Map.of("benevoles_activite", "7"));
		}
		List<String> others = List.of("11", "34", "66");
		for (String departement : others) {
			for (long structure : this.fixtures.structures(departement, "CS", 6)) {
				this.fixtures.response(campaign, structure, "VALIDATED", Map.of("benevoles_activite", "10"));
			}
		}
		this.refresh.refresh(year);

		Figure lozere = this.figures.sheet(TerritoryRef.departement("48"), year).get("benevoles_activite");
		assertThat(lozere.value()).isNull();
		assertThat(lozere.suppression()).isEqualTo(Figure.Suppression.PRIMARY);
		Figure region = this.figures.sheet(TerritoryRef.region("76"), year).get("benevoles_activite");
		assertThat(region.value()).isEqualByComparingTo("208");

		// The region minus its published départements must not give Lozère's value: at
		// least one other département is hidden, and the hidden ones count 5 or more.
		List<Figure> hidden = new ArrayList<>();
		BigDecimal published = BigDecimal.ZERO;
		for (String departement : List.of("48", "11", "34", "66")) {
			Figure figure = this.figures.sheet(TerritoryRef.departement(departement), year).get("benevoles_activite");
			if (figure.secret()) {
				hidden.add(figure);
			}
			else {
				published = published.add(figure.value());
			}
		}
		assertThat(hidden).hasSizeGreaterThanOrEqualTo(2);
		assertThat(hidden.stream().mapToInt(Figure::contributors).sum()).isGreaterThanOrEqualTo(5);
		assertThat(region.value().subtract(published)).isNotEqualByComparingTo("28");
		// The CS / EVS split of Lozère is hidden too, and the registry count is not
		// secret.
		assertThat(this.figures.sheet(TerritoryRef.departement("48"), year).get("benevoles_activite", "CS").value())
			.isNull();
		assertThat(this.figures.sheet(TerritoryRef.departement("48"), year).get("structures").value())
			.isEqualByComparingTo("4");
	}

	@Test
	void aDepartementThatBecomesSecretAfterItsNeighboursWereMarkedFinalCannotBeDerivedFromThem() {
		int year = 2606;
		long campaign = this.fixtures.campaign(year);
		List<Long> lozere = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long structure = this.fixtures.newStructure("Espace de test " + i, "CS", "48095");
			lozere.add(this.fixtures.response(campaign, structure, "VALIDATED", Map.of("benevoles_activite", "7")));
		}
		for (String departement : List.of("11", "34", "66")) {
			for (long structure : this.fixtures.structures(departement, "CS", 6)) {
				this.fixtures.response(campaign, structure, "VALIDATED", Map.of("benevoles_activite", "10"));
			}
		}
		this.refresh.refresh(year);
		assertThat(value(year, TerritoryRef.departement("48"))).isEqualByComparingTo("35");
		// The Aude and the Hérault are marked final: their figures stay published.
		for (String departement : List.of("11", "34")) {
			this.repository.freeze(year, "departement:" + departement, null, null, "test", java.time.Instant.now(),
					null);
		}
		// One Lozère response is withdrawn: its live figure (4 structures) becomes
		// secret.
		this.jdbc.sql("update response set status = 'SUBMITTED' where id = ?").param(lozere.getFirst()).update();
		this.refresh.refresh(year);

		assertThat(this.figures.live(TerritoryRef.departement("48"), year).get("benevoles_activite").secret()).isTrue();
		// Region − Aude (final) − Hérault (final) − Pyrénées-Orientales would give it:
		// the
		// Pyrénées-Orientales is hidden, not the final ones (hiding those would hide
		// nothing).
		assertThat(this.figures.sheet(TerritoryRef.departement("11"), year).get("benevoles_activite").value())
			.isEqualByComparingTo("60");
		assertThat(this.figures.live(TerritoryRef.departement("66"), year).get("benevoles_activite").suppression())
			.isEqualTo(Figure.Suppression.SECONDARY);
		assertThat(this.figures.sheet(TerritoryRef.region("76"), year).get("benevoles_activite").value())
			.isEqualByComparingTo("208");
	}

	@Test
	void aStartRecomputesTheFiguresOnlyWhenWhatTheyWereComputedWithChanged() {
		int year = this.figures.latestYear().orElseThrow();
		String tamper = "update observatory_figure set contributors = 12345"
				+ " where data_year = ? and territory = 'nation' and indicator = 'salaries' and kinds = 'ALL'";
		String read = "select contributors from observatory_figure"
				+ " where data_year = ? and territory = 'nation' and indicator = 'salaries' and kinds = 'ALL'";
		// Waits for the start's own check, should it still run.
		this.refresh.refreshIfStale();
		this.jdbc.sql("update observatory_state set computed_with = 'an older release'").update();
		this.jdbc.sql(tamper).param(year).update();
		assertThat(this.refresh.refreshIfStale()).isTrue();
		assertThat(this.jdbc.sql(read).param(year).query(Integer.class).single()).isNotEqualTo(12345);
		// Same catalogue, threshold and computation: the stored figures stand.
		this.jdbc.sql(tamper).param(year).update();
		assertThat(this.refresh.refreshIfStale()).isFalse();
		assertThat(this.jdbc.sql(read).param(year).query(Integer.class).single()).isEqualTo(12345);
		this.refresh.refresh(year);
		assertThat(this.jdbc.sql(read).param(year).query(Integer.class).single()).isNotEqualTo(12345);
	}

	@Test
	void onlyValidatedResponsesCount() {
		int year = 2603;
		long campaign = this.fixtures.campaign(year);
		List<Long> in34 = this.fixtures.structures("34", "CS", 8);
		for (int i = 0; i < 5; i++) {
			this.fixtures.response(campaign, in34.get(i), "VALIDATED", Map.of("salaries_effectif", "4"));
		}
		this.fixtures.response(campaign, in34.get(5), "SUBMITTED", Map.of("salaries_effectif", "100"));
		this.fixtures.response(campaign, in34.get(6), "RETURNED", Map.of("salaries_effectif", "100"));
		this.fixtures.response(campaign, in34.get(7), "IN_PROGRESS", Map.of("salaries_effectif", "100"));
		this.refresh.refresh(year);

		FigureSheet sheet = this.figures.sheet(TerritoryRef.departement("34"), year);
		assertThat(sheet.get("salaries").value()).isEqualByComparingTo("20");
		assertThat(sheet.get("salaries").contributors()).isEqualTo(5);
		assertThat(sheet.get("structures").value()).isEqualByComparingTo("8");
		assertThat(sheet.target()).isEqualTo(8);
		assertThat(sheet.responseRate()).isEqualByComparingTo("63");
	}

	@Test
	void totalsTheQuestionnaireComputesAreComputedForTheIndicators() {
		int year = 2604;
		long campaign = this.fixtures.campaign(year);
		for (long structure : this.fixtures.structures("69", "CS", 5)) {
			long response = this.fixtures.response(campaign, structure, "VALIDATED",
					Map.of("fin_caf_ps_ag", "100000", "fin_caf_autres", "20000", "produits_total", "400000",
							"usagers_0_5", "10", "usagers_60_plus", "5"));
			for (int item = 0; item < 3; item++) {
				this.jdbc
					.sql("insert into answer (response_id, code, item, value, updated_at)"
							+ " values (?, 'partenaire_nom', ?, ?, now())")
					.params(response, item, "Partenaire " + item)
					.update();
			}
		}
		this.refresh.refresh(year);

		FigureSheet sheet = this.figures.sheet(TerritoryRef.departement("69"), year);
		// fin_caf_total = sum(fin_caf_ps_ag, fin_caf_ps_acf, fin_caf_ps_evs,
		// fin_caf_autres)
		assertThat(sheet.get("part_financements_caf").value()).isEqualByComparingTo("30.0");
		assertThat(sheet.get("part_financements_caf").contributors()).isEqualTo(5);
		// usagers_total = the sum of the age bands; nb_partenaires = count(partenaires)
		assertThat(sheet.get("usagers").value()).isEqualByComparingTo("75");
		assertThat(sheet.get("partenaires_moyen").value()).isEqualByComparingTo("3");
	}

	@Test
	void everyIndicatorHasContributorsInTheDemoHistory() {
		int year = this.figures.latestYear().orElseThrow() - 1;
		FigureSheet nation = this.figures.sheet(TerritoryRef.NATION, year);
		for (Indicator indicator : this.figures.catalogue().indicators()) {
			assertThat(nation.get(indicator.code())).as(indicator.code()).isNotNull();
			assertThat(nation.get(indicator.code()).contributors()).as(indicator.code()).isPositive();
		}
	}

	private BigDecimal value(int year, TerritoryRef territory) {
		Figure figure = this.figures.sheet(territory, year).get("benevoles_activite");
		return (figure != null) ? figure.value() : null;
	}

	private static BigDecimal awaitChange(Supplier<BigDecimal> read, BigDecimal before, Duration within)
			throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		BigDecimal value = read.get();
		while (value != null && value.compareTo(before) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
			value = read.get();
		}
		return value;
	}

	private void as(String email, Runnable work) {
		UserDetails user = this.accounts.loadUserByUsername(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
