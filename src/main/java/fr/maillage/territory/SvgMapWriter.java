package fr.maillage.territory;

import java.util.Map;

/** Writes one map's SVG; one instance per drawing. */
final class SvgMapWriter {

	static final String NAMESPACE = "http://www.w3.org/2000/svg";

	/** Boundaries: a warm grey, visible on the palest class and on the page alike. */
	private static final String STROKE = "#78716c";

	private static final String INK = "#1f1a17";

	private final MapShapes shapes;

	private final ChoroplethScale scale;

	private final ChoroplethOptions options;

	private final StringBuilder out = new StringBuilder(140_000);

	SvgMapWriter(MapShapes shapes, ChoroplethScale scale, ChoroplethOptions options) {
		this.shapes = shapes;
		this.scale = scale;
		this.options = options;
	}

	String write(Map<String, Long> values) {
		String id = this.options.idPrefix();
		String role = (this.options.link() != null) ? "group" : "img";
		this.out.append("<svg xmlns=\"")
			.append(NAMESPACE)
			.append("\" viewBox=\"")
			.append(Xml.escape(this.shapes.viewBox()))
			.append("\" class=\"departement-map\" role=\"")
			.append(role)
			.append("\" aria-labelledby=\"")
			.append(id)
			.append("-title\" aria-describedby=\"")
			.append(id)
			.append("-desc\">\n");
		this.out.append("<title id=\"")
			.append(id)
			.append("-title\">")
			.append(Xml.escape(this.options.title()))
			.append("</title>\n");
		this.out.append("<desc id=\"")
			.append(id)
			.append("-desc\">")
			.append(Xml.escape(this.options.description()))
			.append("</desc>\n");
		this.out.append("<g stroke=\"").append(STROKE).append("\" stroke-width=\"0.6\" stroke-linejoin=\"round\">\n");
		for (MapShapes.Shape shape : this.shapes.shapes()) {
			departement(shape, values.get(shape.code()));
		}
		this.out.append("</g>\n</svg>");
		return this.out.toString();
	}

	private void departement(MapShapes.Shape shape, Long value) {
		String title = Xml.escape(shape.name() + " (" + shape.code() + ")\u00a0: "
				+ ((value == null) ? this.options.noValue() : this.options.format().apply(value)));
		String fill = this.scale.fill(this.scale.classOf(value));
		String href = (this.options.link() != null) ? this.options.link().apply(shape.code()) : null;
		if (href != null) {
			this.out.append("<a href=\"")
				.append(Xml.escape(href))
				.append("\" aria-label=\"")
				.append(title)
				.append("\"><title>")
				.append(title)
				.append("</title>");
			path(shape, fill, null);
			label(shape);
			this.out.append("</a>\n");
		}
		else {
			path(shape, fill, title);
			label(shape);
			this.out.append('\n');
		}
	}

	private void path(MapShapes.Shape shape, String fill, String title) {
		this.out.append("<path fill=\"").append(fill).append("\" d=\"").append(Xml.escape(shape.path())).append('"');
		if (title == null) {
			this.out.append("/>");
		}
		else {
			this.out.append("><title>").append(title).append("</title></path>");
		}
	}

	/** An overseas box's label: its code and name, in ink on the page under the box. */
	private void label(MapShapes.Shape shape) {
		if (shape.labelled()) {
			this.out.append("<text x=\"")
				.append(Xml.escape(shape.label().x()))
				.append("\" y=\"")
				.append(Xml.escape(shape.label().y()))
				.append("\" fill=\"")
				.append(INK)
				.append("\" stroke=\"none\" font-size=\"12\" text-anchor=\"middle\">")
				.append(Xml.escape(shape.code() + " " + shape.name()))
				.append("</text>");
		}
	}

}
