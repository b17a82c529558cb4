package fr.maillage.observatory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as SVG, so that the page, the PDF reports and a browser
 * without JavaScript show the same thing. Each has an accessible name and description
 * ({@code role="img"}, {@code aria-labelledby}); the page always puts the same figures in
 * a table next to it, so colour and shape are never the only way to read them. No inline
 * style: classes from {@code maillage.css}.
 */
public final class SvgCharts {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 260;

	private static final int LEFT = 90;

	private static final int RIGHT = 20;

	private static final int TOP = 20;

	private static final int BOTTOM = 40;

	private SvgCharts() {
	}

	/** A point of a chart: its label (a year, a territory) and its value (null: none). */
	public record Point(String label, BigDecimal value) {
	}

	/** A line over the years; missing or secret years break the line. */
	public static String line(String id, String title, String description, List<Point> points, Indicator indicator) {
		StringBuilder svg = open(id, title, description);
		double max = max(points);
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		axes(svg, max, indicator, plotHeight);
		int count = points.size();
		StringBuilder path = new StringBuilder();
		boolean drawing = false;
		for (int i = 0; i < count; i++) {
			Point point = points.get(i);
			double x = LEFT + ((count == 1) ? plotWidth / 2.0 : plotWidth * i / (double) (count - 1));
			svg.append("<text class=\"chart-label\" x=\"")
				.append(fmt(x))
				.append("\" y=\"")
				.append(HEIGHT - BOTTOM + 20)
				.append("\" text-anchor=\"middle\">")
				.append(escape(point.label()))
				.append("</text>");
			if (point.value() == null) {
				drawing = false;
				continue;
			}
			double y = TOP + plotHeight - (plotHeight * point.value().doubleValue() / max);
			path.append(drawing ? " L" : " M").append(fmt(x)).append(' ').append(fmt(y));
			drawing = true;
			svg.append("<circle class=\"chart-point\" cx=\"")
				.append(fmt(x))
				.append("\" cy=\"")
				.append(fmt(y))
				.append("\" r=\"4\"><title>")
				.append(escape(point.label() + " : " + FigureFormat.value(point.value(), indicator)))
				.append("</title></circle>");
		}
		if (!path.isEmpty()) {
			svg.append("<path class=\"chart-line\" d=\"").append(path.toString().strip()).append("\"/>");
		}
		return svg.append("</svg>").toString();
	}

	/** Horizontal bars, one per territory. */
	public static String bars(String id, String title, String description, List<Point> points, Indicator indicator) {
		int rowHeight = 34;
		int height = TOP + rowHeight * points.size() + 10;
		StringBuilder svg = open(id, title, description, height);
		double max = max(points);
		int labelWidth = 230;
		int barSpace = WIDTH - labelWidth - 110;
		for (int i = 0; i < points.size(); i++) {
			Point point = points.get(i);
			int y = TOP + i * rowHeight;
			svg.append("<text class=\"chart-label\" x=\"")
				.append(labelWidth - 8)
				.append("\" y=\"")
				.append(y + 17)
				.append("\" text-anchor=\"end\">")
				.append(escape(shorten(point.label(), 34)))
				.append("</text>");
			String text = (point.value() != null) ? FigureFormat.value(point.value(), indicator) : "—";
			double width = (point.value() != null) ? barSpace * point.value().doubleValue() / max : 0;
			svg.append("<rect class=\"chart-bar\" x=\"")
				.append(labelWidth)
				.append("\" y=\"")
				.append(y + 4)
				.append("\" width=\"")
				.append(fmt(Math.max(width, 0)))
				.append("\" height=\"20\"/>");
			svg.append("<text class=\"chart-value\" x=\"")
				.append(fmt(labelWidth + Math.max(width, 0) + 6))
				.append("\" y=\"")
				.append(y + 19)
				.append("\">")
				.append(escape(text))
				.append("</text>");
		}
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(String id, String title, String description) {
		return open(id, title, description, HEIGHT);
	}

	private static StringBuilder open(String id, String title, String description, int height) {
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-labelledby=\"")
			.append(id)
			.append("-titre ")
			.append(id)
			.append("-desc\"><title id=\"")
			.append(id)
			.append("-titre\">")
			.append(escape(title))
			.append("</title><desc id=\"")
			.append(id)
			.append("-desc\">")
			.append(escape(description))
			.append("</desc>");
		return svg;
	}

	private static void axes(StringBuilder svg, double max, Indicator indicator, int plotHeight) {
		for (int step = 0; step <= 4; step++) {
			double value = max * step / 4;
			double y = TOP + plotHeight - plotHeight * step / 4.0;
			svg.append("<line class=\"chart-grid\" x1=\"")
				.append(LEFT)
				.append("\" x2=\"")
				.append(WIDTH - RIGHT)
				.append("\" y1=\"")
				.append(fmt(y))
				.append("\" y2=\"")
				.append(fmt(y))
				.append("\"/>");
			svg.append("<text class=\"chart-axis\" x=\"")
				.append(LEFT - 8)
				.append("\" y=\"")
				.append(fmt(y + 4))
				.append("\" text-anchor=\"end\">")
				.append(escape(FigureFormat.value(BigDecimal.valueOf(value), indicator)))
				.append("</text>");
		}
	}

	private static double max(List<Point> points) {
		double max = points.stream()
			.filter(point -> point.value() != null)
			.mapToDouble(point -> point.value().doubleValue())
			.max()
			.orElse(1);
		return (max <= 0) ? 1 : max * 1.1;
	}

	private static String shorten(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
