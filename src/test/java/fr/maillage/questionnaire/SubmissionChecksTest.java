package fr.maillage.questionnaire;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Soumettre" runs every rule of the national questionnaire over a whole response. */
class SubmissionChecksTest {

	private final Definition national = new DefinitionReader().read(NationalQuestionnaire.read());

	private static List<String> codes(List<SubmissionChecks.Finding> findings, boolean blocking) {
		return findings.stream().filter(f -> f.blocking() == blocking).map(SubmissionChecks.Finding::code).toList();
	}

	@Test
	void anEmptyResponseListsEveryRequiredQuestionOfItsKindOnly() {
		List<SubmissionChecks.Finding> forCs = SubmissionChecks.check(this.national, "CS", Map.of(), Map.of());
		assertThat(codes(forCs, true)).contains("jours_ouverture", "benevoles_activite", "fin_caf_ps_ag")
			.doesNotContain("fin_caf_ps_evs");
		assertThat(forCs).allSatisfy(finding -> assertThat(finding.message()).isEqualTo("answer.error.required"));
		List<SubmissionChecks.Finding> forEvs = SubmissionChecks.check(this.national, "EVS", Map.of(), Map.of());
		assertThat(codes(forEvs, true)).contains("fin_caf_ps_evs").doesNotContain("fin_caf_ps_ag");
	}

	@Test
	void fundingsMustAddUpToTheTotalIncomeWithinOnePercent() {
		Map<String, Object> answers = new HashMap<>();
		answers.put("fin_communes", new BigDecimal("40000"));
		answers.put("fin_usagers", new BigDecimal("10000"));
		answers.put("produits_total", new BigDecimal("100000"));
		assertThat(SubmissionChecks.withTotals(this.national, answers).get("fin_total_declare"))
			.isEqualTo(new BigDecimal("50000"));
		List<SubmissionChecks.Finding> findings = SubmissionChecks.check(this.national, "CS", answers, Map.of());
		assertThat(findings).filteredOn(finding -> finding.code().equals("financements_egaux_produits"))
			.singleElement()
			.satisfies(finding -> {
				assertThat(finding.blocking()).isTrue();
				assertThat(finding.message()).startsWith("La somme des financements déclarés");
			});
		answers.put("produits_total", new BigDecimal("50400"));
		assertThat(codes(SubmissionChecks.check(this.national, "CS", answers, Map.of()), true)).as("within 1 %")
			.doesNotContain("financements_egaux_produits");
	}

	@Test
	void aValueFarFromLastYearsAsksForAJustification() {
		Map<String, Object> answers = Map.of("jours_ouverture", new BigDecimal("100"));
		List<SubmissionChecks.Finding> findings = SubmissionChecks.check(this.national, "CS", answers,
				Map.of("jours_ouverture", new BigDecimal("200")));
		assertThat(findings).filteredOn(finding -> finding.code().equals("jours_ouverture"))
			.singleElement()
			.satisfies(finding -> {
				assertThat(finding.blocking()).isFalse();
				assertThat(finding.message()).isEqualTo("answer.warning.deviation");
				assertThat(finding.arguments()).containsExactly("200", "50");
			});
		// Within the question's threshold (30 %): nothing to justify.
		assertThat(SubmissionChecks
			.check(this.national, "CS", Map.of("jours_ouverture", new BigDecimal("180")),
					Map.of("jours_ouverture", new BigDecimal("200")))
			.stream()
			.filter(finding -> finding.code().equals("jours_ouverture"))).isEmpty();
	}

	@Test
	void aValueOutsideTheDepartementsUsualRangeAsksForAJustificationOnceFiveOthersAnswered() {
		Map<String, Object> answers = Map.of("jours_ouverture", new BigDecimal("340"));
		SubmissionChecks.Spread usual = new SubmissionChecks.Spread(new BigDecimal("180"), new BigDecimal("300"), 5);
		assertThat(SubmissionChecks.check(this.national, "CS", answers, Map.of(), Map.of("jours_ouverture", usual))
			.stream()
			.filter(finding -> finding.code().equals("jours_ouverture"))).singleElement().satisfies(finding -> {
				assertThat(finding.blocking()).isFalse();
				assertThat(finding.message()).isEqualTo("answer.warning.percentile");
				assertThat(finding.arguments()).containsExactly("180", "300", 5);
			});
		// Four others only: too few to speak of a usual range.
		SubmissionChecks.Spread tooFew = new SubmissionChecks.Spread(new BigDecimal("180"), new BigDecimal("300"), 4);
		assertThat(SubmissionChecks.check(this.national, "CS", answers, Map.of(), Map.of("jours_ouverture", tooFew))
			.stream()
			.filter(finding -> finding.code().equals("jours_ouverture"))).isEmpty();
		// Inside the range: nothing to justify.
		assertThat(SubmissionChecks
			.check(this.national, "CS", Map.of("jours_ouverture", new BigDecimal("250")), Map.of(),
					Map.of("jours_ouverture", usual))
			.stream()
			.filter(finding -> finding.code().equals("jours_ouverture"))).isEmpty();
	}

}
