package fr.maillage.shared.demo;

import java.util.List;

/** How much demo data to generate. */
public enum DemoSize {

	/** The whole country: for {@code spring-boot:run}, demonstrations and benchmarks. */
	NATIONAL(List.of()),
	/** A few départements, mainland and overseas: for the test suite. */
	SMALL(List.of("11", "34", "66", "69", "93", "974"));

	private final List<String> departements;

	DemoSize(List<String> departements) {
		this.departements = departements;
	}

	/** Whether demo structures, people and answers are generated in this département. */
	public boolean covers(String departementCode) {
		return this.departements.isEmpty() || this.departements.contains(departementCode);
	}

}
