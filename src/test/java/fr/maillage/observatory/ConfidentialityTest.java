package fr.maillage.observatory;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.maillage.observatory.FigureComputation.Cell;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Primary and secondary suppression on crafted cells: a secret figure is never alone in
 * an equation, and the hidden parts of a published total count at least the threshold.
 */
class ConfidentialityTest {

	private static final Map<String, String> REGION_OF = Map.of("48", "76", "66", "76", "11", "76", "974", "04");

	@Test
	void aSmallDepartementHidesTheSmallestOtherDepartementOfItsRegion() {
		Map<Cell, Figure> figures = new LinkedHashMap<>();
		put(figures, "departement:48", "ALL", 4);
		put(figures, "departement:66", "ALL", 30);
		put(figures, "departement:11", "ALL", 12);
		put(figures, "region:76", "ALL", 46);
		put(figures, "nation", "ALL", 46);
		Confidentiality.apply(figures, REGION_OF, 5);
		assertThat(figures.get(new Cell("departement:48", "ALL")).suppression()).isEqualTo(Figure.Suppression.PRIMARY);
		assertThat(figures.get(new Cell("departement:11", "ALL")).suppression())
			.isEqualTo(Figure.Suppression.SECONDARY);
		assertThat(figures.get(new Cell("departement:66", "ALL")).secret()).isFalse();
		assertThat(figures.get(new Cell("region:76", "ALL")).value()).isEqualByComparingTo("46");
	}

	@Test
	void twoTinyDepartementsTogetherStillUnderTheThresholdHideAThird() {
		Map<Cell, Figure> figures = new LinkedHashMap<>();
		put(figures, "departement:48", "ALL", 1);
		put(figures, "departement:11", "ALL", 2);
		put(figures, "departement:66", "ALL", 20);
		put(figures, "region:76", "ALL", 23);
		put(figures, "nation", "ALL", 23);
		Confidentiality.apply(figures, REGION_OF, 5);
		// 1 + 2 structures hidden would still single out 3: the 66 is hidden too.
		assertThat(figures.get(new Cell("departement:66", "ALL")).suppression())
			.isEqualTo(Figure.Suppression.SECONDARY);
	}

	@Test
	void aSingleDepartementRegionFollowsItsDepartementAndTheKindSplitIsProtected() {
		Map<Cell, Figure> figures = new LinkedHashMap<>();
		put(figures, "departement:974", "ALL", 10);
		put(figures, "departement:974", "CS", 7);
		put(figures, "departement:974", "EVS", 3);
		put(figures, "region:04", "ALL", 10);
		put(figures, "region:04", "CS", 7);
		put(figures, "region:04", "EVS", 3);
		put(figures, "departement:66", "ALL", 40);
		put(figures, "departement:66", "CS", 30);
		put(figures, "departement:66", "EVS", 10);
		put(figures, "region:76", "ALL", 40);
		put(figures, "region:76", "CS", 30);
		put(figures, "region:76", "EVS", 10);
		put(figures, "nation", "ALL", 50);
		put(figures, "nation", "CS", 37);
		put(figures, "nation", "EVS", 13);
		Confidentiality.apply(figures, REGION_OF, 5);
		// EVS of the 974 (3) is primary; ALL = CS + EVS would give it: CS is hidden too.
		assertThat(figures.get(new Cell("departement:974", "EVS")).suppression()).isEqualTo(Figure.Suppression.PRIMARY);
		assertThat(figures.get(new Cell("departement:974", "CS")).secret()).isTrue();
		// The region is its one département: hidden the same way.
		assertThat(figures.get(new Cell("region:04", "EVS")).secret()).isTrue();
		// Nation EVS = region 04 EVS + region 76 EVS: the 76's EVS is hidden as well.
		assertThat(figures.get(new Cell("region:76", "EVS")).secret()).isTrue();
		assertThat(figures.get(new Cell("nation", "EVS")).secret()).isFalse();
		assertNoEquationHasASingleSecret(figures);
	}

	@Test
	void aSmallSimilarTerritoryGroupHidesAnotherGroup() {
		Map<Cell, Figure> figures = new LinkedHashMap<>();
		put(figures, "similaires:OVER_200K", "ALL", 3);
		put(figures, "similaires:UNDER_2K", "ALL", 40);
		put(figures, "similaires:FROM_2K_TO_10K", "ALL", 25);
		put(figures, "nation", "ALL", 68);
		Confidentiality.apply(figures, REGION_OF, 5);
		assertThat(figures.get(new Cell("similaires:OVER_200K", "ALL")).suppression())
			.isEqualTo(Figure.Suppression.PRIMARY);
		assertThat(figures.get(new Cell("similaires:FROM_2K_TO_10K", "ALL")).suppression())
			.isEqualTo(Figure.Suppression.SECONDARY);
		assertThat(figures.get(new Cell("nation", "ALL")).secret()).isFalse();
	}

	@Test
	void figuresPublishedByAFinalVersionAreNeverTheOnesHiddenToProtectAnother() {
		Map<Cell, Figure> figures = new LinkedHashMap<>();
		put(figures, "departement:48", "ALL", 4);
		put(figures, "departement:11", "ALL", 6);
		put(figures, "departement:66", "ALL", 20);
		put(figures, "region:76", "ALL", 30);
		put(figures, "nation", "ALL", 30);
		// The 11's figure is frozen in a final version: hiding its live one would not
		// hide
		// it, so the 66 is hidden instead.
		Confidentiality.apply(figures, REGION_OF, 5, java.util.Set.of(new Cell("departement:11", "ALL")));
		assertThat(figures.get(new Cell("departement:11", "ALL")).secret()).isFalse();
		assertThat(figures.get(new Cell("departement:66", "ALL")).suppression())
			.isEqualTo(Figure.Suppression.SECONDARY);

		// Every other département frozen: only the region's live total is left to hide.
		Map<Cell, Figure> allFrozen = new LinkedHashMap<>();
		put(allFrozen, "departement:48", "ALL", 4);
		put(allFrozen, "departement:11", "ALL", 6);
		put(allFrozen, "departement:66", "ALL", 20);
		put(allFrozen, "region:76", "ALL", 30);
		Confidentiality.apply(allFrozen, REGION_OF, 5,
				java.util.Set.of(new Cell("departement:11", "ALL"), new Cell("departement:66", "ALL")));
		assertThat(allFrozen.get(new Cell("region:76", "ALL")).suppression()).isEqualTo(Figure.Suppression.SECONDARY);
	}

	private static void assertNoEquationHasASingleSecret(Map<Cell, Figure> figures) {
		for (String kinds : new String[] { "ALL", "CS", "EVS" }) {
			long secretRegions = figures.entrySet()
				.stream()
				.filter(entry -> entry.getKey().territory().startsWith("region:")
						&& entry.getKey().kinds().equals(kinds))
				.filter(entry -> entry.getValue().secret())
				.count();
			assertThat(secretRegions).as("secret regions (%s)", kinds).isNotEqualTo(1);
		}
	}

	private static void put(Map<Cell, Figure> figures, String territory, String kinds, int contributors) {
		figures.put(new Cell(territory, kinds),
				new Figure("x", kinds, BigDecimal.valueOf(contributors), contributors, null));
	}

}
