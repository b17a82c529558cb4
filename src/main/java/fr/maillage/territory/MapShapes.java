package fr.maillage.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/**
 * The shapes of the 101 départements, read from {@code territory/departements-map.tsv}
 * (see {@code SOURCE-map.md} next to it): the 96 of metropolitan France, then a labelled
 * box for each overseas département.
 */
record MapShapes(String viewBox, List<Shape> shapes) {

	static final String FILE = "territory/departements-map.tsv";

	private static final String VIEW_BOX = "# viewBox\t";

	/**
	 * One département's outline; an overseas box also has the point its label is centred
	 * on.
	 */
	record Shape(String code, String name, String path, Label label) {

		boolean labelled() {
			return this.label != null;
		}

	}

	record Label(String x, String y) {
	}

	MapShapes {
		shapes = List.copyOf(shapes);
	}

	static MapShapes load() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
			String first = reader.readLine();
			if (first == null || !first.startsWith(VIEW_BOX)) {
				throw new IllegalStateException(FILE + " must start with its viewBox");
			}
			reader.readLine(); // header
			List<Shape> shapes = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					shapes.add(shape(line.split("\t", -1)));
				}
			}
			return new MapShapes(first.substring(VIEW_BOX.length()).strip(), shapes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Map data missing from the classpath: " + FILE, ex);
		}
	}

	// code, name, zone, label_x, label_y, path
	private static Shape shape(String[] fields) {
		if (fields.length != 6) {
			throw new IllegalStateException(FILE + ": expected 6 fields, found " + fields.length);
		}
		Label label = fields[3].isEmpty() ? null : new Label(fields[3], fields[4]);
		return new Shape(fields[0], fields[1], fields[5], label);
	}

}
