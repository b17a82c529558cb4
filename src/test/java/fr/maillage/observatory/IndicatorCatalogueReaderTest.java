package fr.maillage.observatory;

import fr.maillage.questionnaire.Definition;
import fr.maillage.questionnaire.Questionnaires;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicator catalogue is checked against the questionnaire it reads, and every
 * problem is reported in French with its line; a formula is one of six shapes, never
 * code.
 */
@MaillageIntegrationTest
class IndicatorCatalogueReaderTest {

	private static final String HEAD = """
			format: 1
			version: "test"
			title: Catalogue de test
			indicators:
			""";

	@Autowired
	Questionnaires questionnaires;

	private Definition national;

	@BeforeEach
	void setUp() {
		this.national = this.questionnaires.shippedNational().definition();
	}

	@Test
	void theShippedCatalogueChecksAndCoversTheCoreAndTheThematicBlock() {
		IndicatorCatalogueReader reader = new IndicatorCatalogueReader();
		IndicatorCatalogue catalogue = reader.read(IndicatorCatalogues.shipped(), this.national);
		assertThat(reader.errors()).isEmpty();
		assertThat(catalogue.indicators()).hasSizeGreaterThanOrEqualTo(30);
		assertThat(catalogue.indicators()).anyMatch(indicator -> !indicator.core());
		assertThat(catalogue.indicator("part_financements_caf").orElseThrow().formula())
			.hasToString("ratio(fin_caf_total, produits_total)");
		assertThat(catalogue.indicator("part_direction").orElseThrow().kinds()).containsExactly("CS");
		assertThat(catalogue.indicator("structures").orElseThrow().fromRegistry()).isTrue();
	}

	@Test
	void everyProblemIsReportedWithItsLine() {
		String source = HEAD + """
				  - code: inconnue
				    label: Question inconnue
				    definition: x
				    unit: nombre
				    formula: sum(pas_une_question)
				    kinds: [CS]
				  - code: mauvais_type
				    label: Somme d’un oui/non
				    definition: x
				    unit: nombre
				    formula: sum(referent_familles)
				    kinds: [CS, EVS]
				  - code: code_java
				    label: Tentative
				    definition: x
				    unit: nombre
				    formula: T(java.lang.Runtime).getRuntime().exec('id')
				    kinds: [CS]
				  - code: part_sans_pourcent
				    label: Part
				    definition: x
				    unit: nombre
				    formula: share(direction)
				    kinds: [CS, XYZ]
				""";
		IndicatorCatalogueReader reader = new IndicatorCatalogueReader();
		assertThat(reader.read(source, this.national)).isNull();
		assertThat(reader.errors()).containsExactly(
				"ligne 9 : la question « pas_une_question » n’existe pas dans le questionnaire 2026.",
				"ligne 15 : la question « referent_familles » est de type YES_NO : sum attend une question numérique.",
				"ligne 21 : la formule « T(java.lang.Runtime).getRuntime().exec('id') » n’est pas de la forme count(registre), share(registre.champ), sum(q), mean(q), median(q), share(q) ou ratio(q1, q2).",
				"ligne 28 : « kinds » ne contient que CS et EVS, pas « XYZ ».",
				"ligne 26 : une part ou un ratio s’exprime en « pourcent ».");
	}

	@Test
	void duplicateCodesAndBrokenYamlAreRefused() {
		String indicator = """
				  - code: salaries
				    label: Salariés
				    definition: x
				    unit: nombre
				    formula: sum(salaries_effectif)
				    kinds: [CS, EVS]
				""";
		IndicatorCatalogueReader reader = new IndicatorCatalogueReader();
		assertThat(reader.read(HEAD + indicator + indicator, this.national)).isNull();
		assertThat(reader.errors())
			.containsExactly("ligne 11 : le code « salaries » est déjà celui d’un autre indicateur.");
		IndicatorCatalogueReader broken = new IndicatorCatalogueReader();
		assertThat(broken.read("format: 1\nversion: [", this.national)).isNull();
		assertThat(broken.errors()).singleElement().asString().startsWith("ligne ").contains("YAML valide");
	}

}
