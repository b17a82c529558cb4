package fr.maillage.observatory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a territory's key-figures page shows, built once per territory, year and
 * choice of indicators (and cached with the figures).
 */
public record TerritoryPage(TerritoryRef territory, String name, int year, List<Integer> years, FigureSheet sheet,
		TerritoryRef region, String regionName, List<Row> core, List<Row> thematic, Trend trend, MapView map,
		List<Link> children, List<Figures.FinalVersion> versions) {

	/**
	 * One indicator's row: this territory's figure, its change from last year, and the
	 * region's and the nation's beside it; and the CS / EVS split.
	 */
	public record Row(Indicator indicator, Shown value, String change, Shown region, Shown nation, Shown cs,
			Shown evs) {
	}

	/** The chosen indicator over the years, as a chart and its table. */
	public record Trend(Indicator indicator, String svg, List<YearValue> values) {
	}

	public record YearValue(int year, Shown value) {
	}

	/** The département map of the chosen indicator and its table. */
	public record MapView(Indicator indicator, String svg, List<Legend> legend, List<MapRow> rows) {
	}

	public record Legend(String cssClass, String text) {
	}

	public record MapRow(String code, String name, String href, Shown value) {
	}

	public record Link(String name, String href) {
	}

	static List<Row> rows(List<Indicator> indicators, FigureSheet sheet, FigureSheet lastYear, FigureSheet region,
			FigureSheet nation) {
		List<Row> rows = new ArrayList<>();
		for (Indicator indicator : indicators) {
			Figure own = sheet.get(indicator.code());
			Figure before = (lastYear != null) ? lastYear.get(indicator.code()) : null;
			String change = FigureFormat.change(value(own), value(before), indicator);
			rows.add(new Row(indicator, Shown.of(own, indicator), change,
					(region != null) ? Shown.of(region.get(indicator.code()), indicator) : null,
					(nation != null) ? Shown.of(nation.get(indicator.code()), indicator) : null,
					Shown.of(sheet.get(indicator.code(), "CS"), indicator),
					Shown.of(sheet.get(indicator.code(), "EVS"), indicator)));
		}
		return rows;
	}

	private static BigDecimal value(Figure figure) {
		return (figure != null) ? figure.value() : null;
	}

}
