package fr.maillage.observatory;

import java.util.List;

import fr.maillage.observatory.CoverageFixtures.Lozere;
import fr.maillage.support.MaillageIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The coverage figures, computed on structures of our own in a département the demo
 * leaves empty: what an active structure serves (its commune and the communes it
 * declares), what a closed one does not, and the rural rule.
 */
@MaillageIntegrationTest
class CoverageTest {

	@Autowired
	Coverage coverage;

	@Autowired
	JdbcClient jdbc;

	private Lozere lozere;

	@AfterEach
	void deleteStructures() {
		if (this.lozere != null) {
			CoverageFixtures.delete(this.jdbc, this.lozere);
		}
	}

	@Test
	void aDepartementWithoutStructuresHasEveryCommuneAndInhabitantUnserved() {
		CoverageFigures lozere = this.coverage.departement(CoverageFixtures.LOZERE).orElseThrow();
		assertThat(lozere.name()).isEqualTo("Lozère");
		assertThat(lozere.structures()).isZero();
		assertThat(lozere.communes()).isEqualTo(communes("48")).isGreaterThan(100);
		assertThat(lozere.unservedCommunes()).isEqualTo(lozere.communes());
		assertThat(lozere.population()).isEqualTo(population("48"));
		assertThat(lozere.unservedPopulation()).isEqualTo(lozere.population());
		assertThat(lozere.unservedPopulationShare()).isEqualTo(100.0);
		assertThat(lozere.populationPerStructure()).isNull();
		assertThat(lozere.ruralStructureShare()).isNull();
	}

	@Test
	void activeStructuresServeTheirCommuneAndTheCommunesTheyDeclareClosedOnesServeNothing() {
		CoverageFigures before = this.coverage.departement(CoverageFixtures.LOZERE).orElseThrow();
		this.lozere = CoverageFixtures.insert(this.jdbc);
		CoverageFigures after = this.coverage.departement(CoverageFixtures.LOZERE).orElseThrow();

		assertThat(after.communes()).isEqualTo(before.communes());
		assertThat(after.unservedCommunes()).isEqualTo(before.unservedCommunes() - CoverageFixtures.SERVED.size());
		assertThat(after.population()).isEqualTo(before.population());
		assertThat(after.unservedPopulation())
			.isEqualTo(before.unservedPopulation() - CoverageFixtures.SERVED_POPULATION);
		assertThat(after.unservedPopulationShare()).isCloseTo(100.0 * after.unservedPopulation() / after.population(),
				within(1e-9));
		assertThat(after.centresSociaux()).isEqualTo(before.centresSociaux() + 1);
		assertThat(after.espacesDeVieSociale()).isEqualTo(before.espacesDeVieSociale() + 1);
		assertThat(after.populationPerStructure()).isEqualTo(Math.round(after.population() / 2.0));
		// Mende is urban, Cubiérettes rural.
		assertThat(after.ruralStructures()).isEqualTo(before.ruralStructures() + 1);
		assertThat(after.ruralStructureShare()).isEqualTo(50.0);

		List<CoverageCommune> unserved = this.coverage.unservedCommunes(CoverageFixtures.LOZERE, Coverage.ALL);
		assertThat(unserved).hasSize((int) after.unservedCommunes());
		assertThat(unserved).extracting(CoverageCommune::code)
			.doesNotContainAnyElementsOf(CoverageFixtures.SERVED)
			.containsAll(CoverageFixtures.CLOSED_ONLY);
		assertThat(unserved).extracting(CoverageCommune::population).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		// With Mende served, Marvejols is the most populated commune left.
		assertThat(this.coverage.unservedCommunes(CoverageFixtures.LOZERE, 2)).containsExactly(
				new CoverageCommune("48092", "Marvejols", 4_764),
				new CoverageCommune("48140", "Saint-Chély-d'Apcher", 3_955));
	}

	@Test
	void aCafCorrectionOfTheTerritoryTypeWinsOverTheCommunesClass() {
		this.lozere = CoverageFixtures.insert(this.jdbc);
		this.jdbc.sql("update structure set territory_type_override = 'RURAL' where id = ?")
			.param(this.lozere.mende())
			.update();
		assertThat(this.coverage.departement(CoverageFixtures.LOZERE).orElseThrow().ruralStructureShare())
			.isEqualTo(100.0);
		this.jdbc.sql("update structure set territory_type_override = 'URBAN' where id = ?")
			.param(this.lozere.cubierettes())
			.update();
		assertThat(this.coverage.departement(CoverageFixtures.LOZERE).orElseThrow().ruralStructures()).isEqualTo(1);
	}

	@Test
	void everyDepartementIsListedAndFranceIsTheirSum() {
		List<CoverageFigures> departements = this.coverage.departements();
		assertThat(departements).hasSize(101);
		assertThat(departements).extracting(CoverageFigures::code).contains("2A", "48", "66", "974");
		CoverageFigures france = Coverage.national(departements);
		assertThat(france.national()).isTrue();
		assertThat(france.communes())
			.isEqualTo(this.jdbc.sql("select count(*) from commune").query(Long.class).single());
		assertThat(france.structures()).isEqualTo(
				this.jdbc.sql("select count(*) from structure where status = 'ACTIVE'").query(Long.class).single());
		// The demo's Pyrénées-Orientales have structures, and communes they serve.
		CoverageFigures po = departements.stream().filter(d -> d.code().equals("66")).findFirst().orElseThrow();
		assertThat(po.structures()).isPositive();
		assertThat(po.unservedCommunes()).isLessThan(po.communes());
		assertThat(po.unservedPopulation()).isLessThan(po.population());
	}

	@Test
	void anUnknownDepartementHasNoFigures() {
		assertThat(this.coverage.departement("99")).isEmpty();
		assertThat(this.coverage.departement("2a")).isEmpty();
	}

	private long communes(String departement) {
		return this.jdbc.sql("select count(*) from commune where departement_code = ?")
			.param(departement)
			.query(Long.class)
			.single();
	}

	private long population(String departement) {
		return this.jdbc.sql("select coalesce(sum(population), 0) from commune where departement_code = ?")
			.param(departement)
			.query(Long.class)
			.single();
	}

}
