package fr.maillage.structure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import fr.maillage.structure.DataInclusionStructure.Column;
import fr.maillage.structure.DirectoryRepository.ExportVersion;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Writes every active structure in the data·inclusion schema, as a JSON array or a CSV
 * file, one structure at a time as the database hands them over.
 * <p>
 * CSV: comma-separated, UTF-8 without byte order mark, CRLF line ends, a header of the
 * schema's property names, RFC 4180 quoting; an empty cell is a null value; a list
 * ({@code reseaux_porteurs}) is its values separated by commas, in a quoted cell.
 */
@Component
class OpenDataExport {

	/** Changes when the mapping changes, so that caches drop files mapped the old way. */
	private static final String MAPPING_VERSION = "1";

	private static final Locale FRENCH = Locale.FRANCE;

	private final DirectoryRepository directory;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	OpenDataExport(DirectoryRepository directory, MessageSource messages, JsonMapper json, Clock clock) {
		this.directory = directory;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * A strong entity tag of the file {@code format} as it would be written now for
	 * {@code baseUrl}: it changes with any structure written or closed.
	 */
	String entityTag(String format, String baseUrl) {
		ExportVersion version = this.directory.readExportVersion();
		String fingerprint = String.join("|", MAPPING_VERSION, format, baseUrl, Long.toString(version.active()),
				version.lastUpdate().toString());
		return "\"" + DigestUtils.md5DigestAsHex(fingerprint.getBytes(StandardCharsets.UTF_8)) + "\"";
	}

	/** The JSON array of every active structure, public pages under {@code baseUrl}. */
	void writeJson(String baseUrl, OutputStream out) {
		try (JsonGenerator generator = this.json.createGenerator(out, JsonEncoding.UTF8)) {
			generator.writeStartArray();
			forEach(baseUrl, structure -> {
				generator.writeStartObject();
				for (Column column : DataInclusionStructure.COLUMNS) {
					generator.writeName(column.name());
					writeJsonValue(generator, column.value().apply(structure));
				}
				generator.writeEndObject();
			});
			generator.writeEndArray();
		}
	}

	/** The CSV file of every active structure, public pages under {@code baseUrl}. */
	void writeCsv(String baseUrl, OutputStream out) {
		try {
			Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			csv.write(DataInclusionStructure.COLUMNS.stream().map(Column::name).collect(Collectors.joining(",")));
			csv.write("\r\n");
			forEach(baseUrl, structure -> {
				try {
					csv.write(DataInclusionStructure.COLUMNS.stream()
						.map(column -> csvCell(column.value().apply(structure)))
						.collect(Collectors.joining(",")));
					csv.write("\r\n");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void forEach(String baseUrl, Consumer<DataInclusionStructure> action) {
		this.directory.readEachActive(record -> action.accept(map(record, baseUrl)));
	}

	private DataInclusionStructure map(StructureRecord record, String baseUrl) {
		String kind = this.messages.getMessage("structure.kind." + record.kind(), null, FRENCH);
		String description = this.messages.getMessage("directory.open-data.description",
				new Object[] { kind, record.communeName() }, FRENCH);
		String axes = record.projectAxes().isEmpty() ? null : this.messages.getMessage("directory.open-data.axes",
				new Object[] { String.join(" ; ", record.projectAxes()) }, FRENCH);
		return DataInclusionStructure.of(record, kind, description, axes,
				baseUrl + DirectoryController.PATH + "/" + record.id(), this.clock.getZone());
	}

	private static void writeJsonValue(JsonGenerator generator, Object value) {
		switch (value) {
			case null -> generator.writeNull();
			case BigDecimal number -> generator.writeNumber(number);
			case List<?> list -> {
				generator.writeStartArray();
				list.forEach(item -> generator.writeString(item.toString()));
				generator.writeEndArray();
			}
			default -> generator.writeString(value.toString());
		}
	}

	/** RFC 4180: a cell with a comma, a quote or a line end is quoted, quotes doubled. */
	static String csvCell(Object value) {
		return switch (value) {
			case null -> "";
			case BigDecimal number -> number.toPlainString();
			case List<?> list -> quoted(list.stream().map(Object::toString).collect(Collectors.joining(",")));
			default -> {
				String text = value.toString();
				boolean needsQuotes = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
				yield needsQuotes ? quoted(text) : text;
			}
		};
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

}
