package fr.maillage.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo structure's yearly answers: the same seed gives the same history, figures hold
 * together within a year, and the approval in force is found before the recorded history.
 */
class DemoAnswersTest {

	/**
	 * A centre social approved since 1991, whose registry records two four-year terms.
	 */
	static final DemoStructure CENTRE = new DemoStructure(98, true, "66", "Perpignan", true, true, true, true, false,
			24_000, 0, LocalDate.of(1991, 11, 1),
			List.of(new DemoStructure.Period(LocalDate.of(2021, 6, 1), LocalDate.of(2025, 5, 31)),
					new DemoStructure.Period(LocalDate.of(2025, 6, 1), LocalDate.of(2029, 5, 31))),
			true);

	/** An EVS first approved in 2022. */
	static final DemoStructure EVS = new DemoStructure(100, false, "66", "Prades", true, true, false, false, false,
			3_000, 2, LocalDate.of(2022, 3, 1),
			List.of(new DemoStructure.Period(LocalDate.of(2022, 3, 1), LocalDate.of(2025, 2, 28)),
					new DemoStructure.Period(LocalDate.of(2025, 3, 1), LocalDate.of(2028, 2, 29))),
			false);

	@Test
	void theSameSeedGivesTheSameHistory() {
		List<DemoAnswers.Year> once = new DemoAnswers(CENTRE, new SplittableRandom(7)).history(2020, 2025);
		List<DemoAnswers.Year> again = new DemoAnswers(CENTRE, new SplittableRandom(7)).history(2020, 2025);
		assertThat(once).hasSize(6).isEqualTo(again);
		assertThat(new DemoAnswers(CENTRE, new SplittableRandom(8)).history(2020, 2025)).isNotEqualTo(once);
	}

	@Test
	void figuresHoldTogetherWithinAYear() {
		for (long seed = 0; seed < 200; seed++) {
			for (DemoAnswers.Year year : new DemoAnswers((seed % 2 == 0) ? CENTRE : EVS, new SplittableRandom(seed))
				.history(2020, 2025)) {
				var v = year.values();
				BigDecimal funders = BigDecimal.ZERO;
				for (String code : List.of("fin_caf_ps_ag", "fin_caf_ps_acf", "fin_caf_ps_evs", "fin_caf_autres",
						"fin_communes", "fin_departement", "fin_etat", "fin_autres_publics", "fin_usagers",
						"fin_autres_produits")) {
					funders = funders.add((BigDecimal) v.getOrDefault(code, BigDecimal.ZERO));
				}
				assertThat(funders).isEqualByComparingTo((BigDecimal) v.get("produits_total"));
				assertThat((BigDecimal) v.get("salaries_effectif"))
					.isGreaterThanOrEqualTo((BigDecimal) v.get("etp_salaries"));
				assertThat(((BigDecimal) v.get("produits_total")).subtract((BigDecimal) v.get("charges_total")))
					.isEqualByComparingTo((BigDecimal) v.get("resultat"));
			}
		}
	}

	@Test
	void aCentreSocialHasSeveralHundredThousandEurosAndAnEvsFarLess() {
		BigDecimal centre = (BigDecimal) new DemoAnswers(CENTRE, new SplittableRandom(1)).history(2024, 2024)
			.getFirst()
			.values()
			.get("produits_total");
		BigDecimal evs = (BigDecimal) new DemoAnswers(EVS, new SplittableRandom(1)).history(2024, 2024)
			.getFirst()
			.values()
			.get("produits_total");
		assertThat(centre).isBetween(new BigDecimal("250000"), new BigDecimal("2500000"));
		assertThat(evs).isBetween(new BigDecimal("10000"), new BigDecimal("250000"));
	}

	@Test
	void theApprovalInForceIsFoundBeforeTheRecordedHistory() {
		assertThat(CENTRE.approvalEndOn(LocalDate.of(2023, 12, 31))).isEqualTo(LocalDate.of(2025, 5, 31));
		// Before 2021-06-01, earlier four-year terms: 2017-06-01 to 2021-05-31, and so
		// on.
		assertThat(CENTRE.approvalEndOn(LocalDate.of(2020, 12, 31))).isEqualTo(LocalDate.of(2021, 5, 31));
		assertThat(CENTRE.approvalEndOn(LocalDate.of(2017, 5, 31))).isEqualTo(LocalDate.of(2017, 5, 31));
		assertThat(CENTRE.approvedIn(2020)).isTrue();
		assertThat(EVS.approvedIn(2021)).isFalse();
		assertThat(EVS.approvedIn(2022)).isTrue();
	}

}
