package fr.maillage.observatory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import fr.maillage.observatory.FigureComputation.Cell;

/**
 * Statistical confidentiality of one indicator's figures for one data year (ADR 22).
 * <p>
 * <b>Primary</b>: a figure computed from fewer structures than the threshold is secret.
 * <b>Secondary</b>: a secret figure must not be derivable by subtraction. The figures are
 * tied by equations — a region is the sum of its départements, the nation the sum of its
 * regions and also of its similar-territory groups, and in every territory all structures
 * are the CS plus the EVS. In each equation, if any figure is secret then at least two
 * are, and when the total is published the secret parts together count at least the
 * threshold of structures. Where an equation breaks this rule, the published part with
 * the fewest structures is hidden too (or the total, when no part is left), and the
 * equations are checked again until none breaks it.
 * <p>
 * It treats every indicator as additive: for a mean, a share or a median this is stricter
 * than needed, and it keeps one rule for all.
 */
final class Confidentiality {

	private Confidentiality() {
	}

	static void apply(Map<Cell, Figure> figures, Map<String, String> regionOf, int threshold) {
		apply(figures, regionOf, threshold, Set.of());
	}

	/**
	 * @param pinned the cells whose value a final version publishes
	 */
	static void apply(Map<Cell, Figure> figures, Map<String, String> regionOf, int threshold, Set<Cell> pinned) {
		for (Map.Entry<Cell, Figure> entry : figures.entrySet()) {
			Figure figure = entry.getValue();
			if (figure.contributors() < threshold) {
				entry.setValue(hide(figure, Figure.Suppression.PRIMARY));
			}
		}
		List<Equation> equations = equations(figures, regionOf);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Equation equation : equations) {
				changed |= equation.protect(figures, threshold, pinned);
			}
		}
	}

	private static Figure hide(Figure figure, Figure.Suppression why) {
		return new Figure(figure.indicator(), figure.kinds(), null, figure.contributors(), why);
	}

	/** A total and the parts that add up to it. */
	record Equation(Cell total, List<Cell> parts) {

		/** Hides one more figure if this equation lets a secret one be derived. */
		boolean protect(Map<Cell, Figure> figures, int threshold, Set<Cell> pinned) {
			Figure total = figures.get(this.total);
			if (total == null) {
				return false;
			}
			boolean totalSecret = total.secret() && !pinned.contains(this.total);
			List<Cell> present = this.parts.stream().filter(figures::containsKey).toList();
			List<Cell> secretParts = present.stream()
				.filter(cell -> figures.get(cell).secret() && !pinned.contains(cell))
				.toList();
			int secrets = secretParts.size() + (totalSecret ? 1 : 0);
			if (secrets == 0) {
				return false;
			}
			int secretStructures = secretParts.stream().mapToInt(cell -> figures.get(cell).contributors()).sum();
			boolean safe = secrets >= 2 && (totalSecret || secretStructures >= threshold);
			if (safe) {
				return false;
			}
			Cell next = present.stream()
				.filter(cell -> !figures.get(cell).secret() && !pinned.contains(cell)
						&& figures.get(cell).contributors() > 0)
				.min(Comparator.comparingInt((Cell cell) -> figures.get(cell).contributors())
					.thenComparing(Cell::territory)
					.thenComparing(Cell::kinds))
				.orElse(null);
			if (next == null) {
				if (totalSecret || pinned.contains(this.total)) {
					return false;
				}
				next = this.total;
			}
			figures.put(next, hide(figures.get(next), Figure.Suppression.SECONDARY));
			return true;
		}

	}

	private static List<Equation> equations(Map<Cell, Figure> figures, Map<String, String> regionOf) {
		Map<Cell, List<Cell>> parts = new LinkedHashMap<>();
		for (Cell cell : figures.keySet()) {
			TerritoryRef territory = TerritoryRef.parse(cell.territory()).orElseThrow();
			switch (territory.level()) {
				case DEPARTEMENT -> {
					String region = regionOf.get(territory.code());
					if (region != null) {
						parts
							.computeIfAbsent(new Cell(TerritoryRef.region(region).id(), cell.kinds()),
									key -> new ArrayList<>())
							.add(cell);
					}
				}
				case REGION ->
					parts.computeIfAbsent(new Cell("nation", cell.kinds()), key -> new ArrayList<>()).add(cell);
				default -> {
				}
			}
		}
		List<Equation> equations = new ArrayList<>();
		parts.forEach((total, list) -> equations.add(new Equation(total, List.copyOf(list))));
		// The nation again, as the sum of its similar-territory groups.
		Map<String, List<Cell>> groups = new LinkedHashMap<>();
		for (Cell cell : figures.keySet()) {
			if (cell.territory().startsWith(TerritoryRef.Level.SIMILAR.prefix() + ":")) {
				groups.computeIfAbsent(cell.kinds(), key -> new ArrayList<>()).add(cell);
			}
		}
		groups.forEach((kinds, list) -> equations.add(new Equation(new Cell("nation", kinds), List.copyOf(list))));
		// Every territory: all structures are the CS and the EVS.
		figures.keySet()
			.stream()
			.map(Cell::territory)
			.distinct()
			.forEach(territory -> equations.add(new Equation(new Cell(territory, Figure.ALL),
					List.of(new Cell(territory, "CS"), new Cell(territory, "EVS")))));
		equations.removeIf(equation -> Objects.equals(equation.parts(), List.of()));
		return equations;
	}

}
