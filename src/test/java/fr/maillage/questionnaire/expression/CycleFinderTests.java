package fr.maillage.questionnaire.expression;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CycleFinderTests {

	@Test
	void noCycleInAChainOrADiamond() {
		assertThat(Expressions.findCycle(Map.of())).isEmpty();
		assertThat(Expressions.findCycle(Map.of("a", Set.of("b"), "b", Set.of("c")))).isEmpty();
		assertThat(Expressions.findCycle(Map.of("a", Set.of("b", "c"), "b", Set.of("d"), "c", Set.of("d")))).isEmpty();
	}

	@Test
	void findsASelfReference() {
		assertThat(Expressions.findCycle(Map.of("a", Set.of("a")))).containsExactly("a", "a");
	}

	@Test
	void findsALongerCycleWithoutItsLeadIn() {
		Map<String, Set<String>> dependencies = Map.of("total", Set.of("a"), "a", Set.of("b"), "b", Set.of("c", "x"),
				"c", Set.of("a"));
		assertThat(Expressions.findCycle(dependencies)).containsExactly("a", "b", "c", "a");
	}

	@Test
	void findsACycleAfterAnAcyclicPart() {
		Map<String, Set<String>> dependencies = Map.of("a", Set.of("b"), "b", Set.of(), "y", Set.of("z"), "z",
				Set.of("y"));
		assertThat(Expressions.findCycle(dependencies)).containsExactly("y", "z", "y");
	}

	@Test
	void aVeryLongChainDoesNotOverflowTheStack() {
		Map<String, Set<String>> dependencies = new HashMap<>();
		for (int i = 0; i < 100_000; i++) {
			dependencies.put("q" + i, Set.of("q" + (i + 1)));
		}
		assertThat(Expressions.findCycle(dependencies)).isEmpty();
		dependencies.put("q100000", Set.of("q0"));
		assertThat(Expressions.findCycle(dependencies)).hasSize(100_002).startsWith("q0", "q1").endsWith("q0");
	}

}
