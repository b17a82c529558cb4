package fr.maillage.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import nu.validator.client.EmbeddedValidator;
import nu.validator.client.EmbeddedValidator.OutputFormat;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Nu HTML checker (the engine behind validator.w3.org/nu), run in-process on the
 * bytes the server sent. Only errors count: warnings and infos are advice.
 */
public final class HtmlValidator {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final EmbeddedValidator validator = new EmbeddedValidator();

	public HtmlValidator() {
		// JSON, rather than the text format, to tell errors from warnings reliably.
		this.validator.setOutputFormat(OutputFormat.JSON);
	}

	/** The errors, each as "line L, column C: message (extract)". */
	public List<String> errors(byte[] html) {
		String report;
		try {
			report = this.validator.validate(new ByteArrayInputStream(html));
		}
		catch (IOException | SAXException ex) {
			return List.of("the Nu HTML checker could not run: " + ex);
		}
		List<String> errors = new ArrayList<>();
		for (JsonNode message : json.readTree(report).path("messages")) {
			String type = message.path("type").asString();
			// "non-document-error": the checker itself failed, which must not pass for
			// valid.
			if ("error".equals(type) || "non-document-error".equals(type)) {
				errors.add("line " + message.path("lastLine").asInt() + ", column "
						+ message.path("firstColumn").asInt(message.path("lastColumn").asInt()) + ": "
						+ message.path("message").asString() + extract(message));
			}
		}
		return errors;
	}

	private static String extract(JsonNode message) {
		String extract = message.path("extract").asString("");
		return extract.isBlank() ? "" : " [" + extract.strip().replaceAll("\\s+", " ") + "]";
	}

}
