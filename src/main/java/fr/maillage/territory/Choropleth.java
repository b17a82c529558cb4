package fr.maillage.territory;

import java.util.List;

/**
 * A drawn map: the SVG to write unescaped into the page (Thymeleaf {@code th:utext}) and
 * its legend, for the page to write as HTML next to the map and its data table.
 *
 * @param svg the {@code <svg>} element, valid inline in HTML and on its own (it declares
 * its namespace)
 * @param classes the colour classes, from the lowest values to the highest; at most five,
 * fewer when there are fewer distinct values, none when no département has a value
 * @param none the neutral class of the départements with no value or a value of 0
 * ({@code from} and {@code to} are 0)
 */
public record Choropleth(String svg, List<ChoroplethClass> classes, ChoroplethClass none) {

	public Choropleth {
		classes = List.copyOf(classes);
	}

}
