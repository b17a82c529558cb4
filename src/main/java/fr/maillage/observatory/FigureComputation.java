package fr.maillage.observatory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a data year's figures for every territory from the structures' contributions,
 * then hides what statistical confidentiality requires ({@link Confidentiality}). Pure:
 * the same contributions always give the same figures, so a refresh can compare and write
 * only what changed.
 */
final class FigureComputation {

	/**
	 * Moves whenever a change here (or in {@link Confidentiality}) may change stored
	 * figures: the next start then recomputes every year.
	 */
	static final int REVISION = 2;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private FigureComputation() {
	}

	/** A data year's figures by territory id, and its response counts. */
	record Result(Map<String, List<Figure>> figures, Map<String, Quality> quality) {
	}

	/** How many structures were asked, and how many responses are validated. */
	record Quality(int target, int validated) {
	}

	static Result compute(IndicatorCatalogue catalogue, List<Contribution> contributions, Map<String, String> regionOf,
			int threshold) {
		return compute(catalogue, contributions, regionOf, threshold, java.util.Set.of());
	}

	/**
	 * @param pinned the figures a final version publishes, as
	 * {@code territory|indicator|kinds}: confidentiality counts them as published
	 */
	static Result compute(IndicatorCatalogue catalogue, List<Contribution> contributions, Map<String, String> regionOf,
			int threshold, java.util.Set<String> pinned) {
		Map<String, int[]> quality = new LinkedHashMap<>();
		for (Contribution contribution : contributions) {
			for (String territory : territories(contribution)) {
				int[] counts = quality.computeIfAbsent(territory, key -> new int[2]);
				counts[0]++;
				if (contribution.validated()) {
					counts[1]++;
				}
			}
		}
		Map<String, List<Figure>> figures = new LinkedHashMap<>();
		for (Indicator indicator : catalogue.indicators()) {
			Map<Cell, Accumulator> cells = new LinkedHashMap<>();
			boolean median = indicator.formula().type() == Formula.Type.MEDIAN;
			for (Contribution contribution : contributions) {
				if (!indicator.covers(contribution.kind())) {
					continue;
				}
				Accumulator.Sample sample = Accumulator.sample(indicator.formula(), contribution);
				if (sample == null) {
					continue;
				}
				for (String territory : territories(contribution)) {
					cells.computeIfAbsent(new Cell(territory, Figure.ALL), key -> new Accumulator(median)).add(sample);
					cells.computeIfAbsent(new Cell(territory, contribution.kind()), key -> new Accumulator(median))
						.add(sample);
				}
			}
			Map<Cell, Figure> computed = new LinkedHashMap<>();
			cells.forEach((cell, accumulator) -> computed.put(cell, new Figure(indicator.code(), cell.kinds(),
					accumulator.value(indicator), accumulator.count(), null)));
			if (!indicator.fromRegistry()) {
				java.util.Set<Cell> pinnedCells = new java.util.HashSet<>();
				for (Cell cell : computed.keySet()) {
					if (pinned.contains(cell.territory() + "|" + indicator.code() + "|" + cell.kinds())) {
						pinnedCells.add(cell);
					}
				}
				Confidentiality.apply(computed, regionOf, threshold, pinnedCells);
			}
			computed.forEach(
					(cell, figure) -> figures.computeIfAbsent(cell.territory(), key -> new ArrayList<>()).add(figure));
		}
		Map<String, Quality> qualities = new LinkedHashMap<>();
		quality.forEach((territory, counts) -> qualities.put(territory, new Quality(counts[0], counts[1])));
		return new Result(figures, qualities);
	}

	/** The territories a structure's figures count in. */
	static List<String> territories(Contribution contribution) {
		return List.of(TerritoryRef.NATION.id(), TerritoryRef.region(contribution.regionCode()).id(),
				TerritoryRef.departement(contribution.departementCode()).id(),
				new TerritoryRef(TerritoryRef.Level.SIMILAR, contribution.band()).id());
	}

	/** A territory and a kind of structure ({@code ALL}, {@code CS}, {@code EVS}). */
	record Cell(String territory, String kinds) {
	}

	/** The running aggregate of one cell. */
	static final class Accumulator {

		/** One structure's input to an indicator: one or two numbers, or a yes / no. */
		record Sample(BigDecimal first, BigDecimal second) {
		}

		private int count;

		private BigDecimal first = BigDecimal.ZERO;

		private BigDecimal second = BigDecimal.ZERO;

		private final List<BigDecimal> values;

		Accumulator(boolean keepValues) {
			this.values = keepValues ? new ArrayList<>() : null;
		}

		/** What a structure brings to an indicator, or null when it brings nothing. */
		static Sample sample(Formula formula, Contribution contribution) {
			return switch (formula.type()) {
				case REGISTRY_COUNT -> new Sample(BigDecimal.ONE, null);
				case REGISTRY_SHARE ->
					new Sample(contribution.registryField(Formula.RegistryField.valueOf(formula.question()))
							? BigDecimal.ONE : BigDecimal.ZERO, null);
				case SUM, MEAN, MEDIAN -> {
					BigDecimal value = number(contribution, formula.question());
					yield (value != null) ? new Sample(value, null) : null;
				}
				case SHARE -> {
					String answer = contribution.validated() ? contribution.answers().get(formula.question()) : null;
					yield (answer != null) ? new Sample("true".equals(answer) ? BigDecimal.ONE : BigDecimal.ZERO, null)
							: null;
				}
				case RATIO -> {
					BigDecimal numerator = number(contribution, formula.question());
					BigDecimal denominator = number(contribution, formula.denominator());
					yield (numerator != null && denominator != null) ? new Sample(numerator, denominator) : null;
				}
			};
		}

		private static BigDecimal number(Contribution contribution, String code) {
			if (!contribution.validated()) {
				return null;
			}
			String answer = contribution.answers().get(code);
			if (answer == null) {
				return null;
			}
			try {
				return new BigDecimal(answer);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		void add(Sample sample) {
			this.count++;
			this.first = this.first.add(sample.first());
			if (sample.second() != null) {
				this.second = this.second.add(sample.second());
			}
			if (this.values != null) {
				this.values.add(sample.first());
			}
		}

		int count() {
			return this.count;
		}

		BigDecimal value(Indicator indicator) {
			if (this.count == 0) {
				return null;
			}
			BigDecimal count = BigDecimal.valueOf(this.count);
			BigDecimal value = switch (indicator.formula().type()) {
				case REGISTRY_COUNT -> count;
				case SUM -> this.first;
				case MEAN -> this.first.divide(count, MathContext.DECIMAL64);
				case MEDIAN -> median(this.values);
				case SHARE, REGISTRY_SHARE -> this.first.multiply(HUNDRED).divide(count, MathContext.DECIMAL64);
				case RATIO -> (this.second.signum() == 0) ? null
						: this.first.multiply(HUNDRED).divide(this.second, MathContext.DECIMAL64);
			};
			return (value != null) ? value.setScale(indicator.unit().decimals(), RoundingMode.HALF_UP) : null;
		}

		private static BigDecimal median(List<BigDecimal> values) {
			List<BigDecimal> sorted = new ArrayList<>(values);
			sorted.sort(null);
			int middle = sorted.size() / 2;
			if (sorted.size() % 2 == 1) {
				return sorted.get(middle);
			}
			return sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.TWO, MathContext.DECIMAL64);
		}

	}

	/** Territories by region code, for the hierarchy confidentiality protects. */
	static Map<String, String> regionsOf(List<fr.maillage.territory.Departement> departements) {
		Map<String, String> regionOf = new HashMap<>();
		departements.forEach(departement -> regionOf.put(departement.code(), departement.regionCode()));
		return regionOf;
	}

}
