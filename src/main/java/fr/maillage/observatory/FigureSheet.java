package fr.maillage.observatory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A territory's figures for one data year, as published: the live, provisional ones, or a
 * final version.
 *
 * @param version the final version's number, null while provisional
 * @param versionDate when that version was marked final
 * @param target the structures asked to answer the campaign
 * @param validated the responses validated
 */
public record FigureSheet(TerritoryRef territory, int year, Status status, Integer version, Instant versionDate,
		int target, int validated, Map<String, Figure> figures) {

	public FigureSheet {
		figures = Map.copyOf(figures);
	}

	static FigureSheet of(TerritoryRef territory, int year, Status status, Integer version, Instant versionDate,
			int target, int validated, List<Figure> figures) {
		return new FigureSheet(territory, year, status, version, versionDate, target, validated, figures.stream()
			.collect(Collectors.toMap(figure -> key(figure.indicator(), figure.kinds()), Function.identity())));
	}

	public enum Status {

		PROVISIONAL, FINAL

	}

	/** The figure of an indicator for all structures, or null when none contributed. */
	public Figure get(String indicator) {
		return get(indicator, Figure.ALL);
	}

	public Figure get(String indicator, String kinds) {
		return this.figures.get(key(indicator, kinds));
	}

	/**
	 * Validated responses out of the structures asked, in %; null when none was asked.
	 */
	public BigDecimal responseRate() {
		if (this.target == 0) {
			return null;
		}
		return BigDecimal.valueOf(this.validated * 100L)
			.divide(BigDecimal.valueOf(this.target), 0, RoundingMode.HALF_UP);
	}

	public boolean isFinal() {
		return this.status == Status.FINAL;
	}

	private static String key(String indicator, String kinds) {
		return indicator + "|" + kinds;
	}

}
