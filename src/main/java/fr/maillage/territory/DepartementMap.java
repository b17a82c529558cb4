package fr.maillage.territory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Draws a choropleth map of the 101 départements as an accessible, inline SVG: the same
 * markup serves the web page and the PDF report. Each département is filled with the
 * colour of its value's class and carries a title « Name (code) : value »; with links, it
 * is a keyboard-focusable link. The five overseas départements are labelled boxes at the
 * bottom left. The caller writes the legend (from {@link Choropleth#classes()}) and a
 * data table next to the map.
 * <p>
 * Without links the SVG is one image ({@code role="img"}); with links it is a group
 * ({@code role="group"}) whose links stay reachable, as an image's content would be
 * hidden from assistive technologies. Both are named by the title and described by the
 * description. Colours are presentation attributes, not styles, which the site's
 * Content-Security-Policy forbids; focus and hover come from {@code maillage.css}.
 * <p>
 * Stateless and thread-safe; the shapes are read once.
 */
@Component
public final class DepartementMap {

	private final MapShapes shapes;

	private final List<String> codes;

	private final Set<String> known;

	public DepartementMap() {
		this.shapes = MapShapes.load();
		this.codes = this.shapes.shapes().stream().map(MapShapes.Shape::code).toList();
		this.known = Set.copyOf(this.codes);
	}

	/**
	 * Draws the map.
	 * @param values a value per INSEE département code ({@code 2A}, {@code 974}…); a code
	 * left out, or mapped to {@code null} or 0, falls in the neutral class
	 * @param options the texts, links and number format
	 * @return the SVG and its legend
	 * @throws IllegalArgumentException for an unknown code or a negative value
	 */
	public Choropleth draw(Map<String, Long> values, ChoroplethOptions options) {
		values.forEach((code, value) -> {
			if (!this.known.contains(code)) {
				throw new IllegalArgumentException("Unknown département code: " + code);
			}
			if (value != null && value < 0) {
				throw new IllegalArgumentException("Negative value for département " + code + ": " + value);
			}
		});
		ChoroplethScale scale = ChoroplethScale.of(values.values().stream().filter(Objects::nonNull).toList());
		int[] counts = new int[scale.size()];
		int none = 0;
		for (MapShapes.Shape shape : this.shapes.shapes()) {
			int classIndex = scale.classOf(values.get(shape.code()));
			if (classIndex < 0) {
				none++;
			}
			else {
				counts[classIndex]++;
			}
		}
		String svg = new SvgMapWriter(this.shapes, scale, options).write(values);
		return new Choropleth(svg, scale.classes(counts),
				new ChoroplethClass(ChoroplethScale.NONE_CLASS, ChoroplethScale.NONE_FILL, 0, 0, none));
	}

	/** The INSEE codes the map draws, in its drawing order. */
	public List<String> codes() {
		return this.codes;
	}

}
