package fr.maillage.territory;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ChoroplethScaleTest {

	@Test
	void aValueHeldByManyDepartementsNeverStraddlesTwoClasses() {
		ChoroplethScale scale = ChoroplethScale.of(List.of(1L, 1L, 1L, 1L, 1L, 1L, 2L, 3L, 4L, 5L));

		assertThat(scale.classes(new int[3])).extracting(ChoroplethClass::from, ChoroplethClass::to)
			.containsExactly(tuple(1L, 1L), tuple(2L, 3L), tuple(4L, 5L));
	}

	@Test
	void fewerThanFiveDistinctValuesGiveOneClassEachWithColoursSpreadOverTheScale() {
		ChoroplethScale scale = ChoroplethScale.of(List.of(3L, 3L, 7L, 0L));

		assertThat(scale.classes(new int[2]))
			.extracting(ChoroplethClass::from, ChoroplethClass::to, ChoroplethClass::cssClass, ChoroplethClass::fill)
			.containsExactly(tuple(3L, 3L, "map-class-1", "#ffffd4"), tuple(4L, 7L, "map-class-5", "#993404"));
		assertThat(scale.classOf(3L)).isZero();
		assertThat(scale.classOf(5L)).isOne();
	}

	@Test
	void aSingleValueTakesTheMiddleColour() {
		ChoroplethScale scale = ChoroplethScale.of(List.of(42L, 42L));

		assertThat(scale.classes(new int[1])).singleElement()
			.satisfies((c) -> assertThat(c.cssClass()).isEqualTo("map-class-3"));
	}

	@Test
	void zeroAndNoValueAreNeutralAndWithoutPositiveValuesThereIsNoClass() {
		ChoroplethScale scale = ChoroplethScale.of(List.of(0L, 0L));

		assertThat(scale.size()).isZero();
		assertThat(scale.classOf(0L)).isEqualTo(-1);
		assertThat(scale.classOf(null)).isEqualTo(-1);
		assertThat(scale.fill(-1)).isEqualTo(ChoroplethScale.NONE_FILL);
	}

}
