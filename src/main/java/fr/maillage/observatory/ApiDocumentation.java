package fr.maillage.observatory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The OpenAPI document of the API as the documentation page shows it: read from the very
 * document springdoc serves at {@value #OPENAPI_PATH} (its own resource, called in
 * process), so that the page and the document never disagree.
 */
@Component
public class ApiDocumentation {

	static final String OPENAPI_PATH = "/v3/api-docs";

	private static final List<String> METHODS = List.of("get", "head", "post", "put", "patch", "delete");

	private final OpenApiResource openApi;

	private final JsonMapper json;

	ApiDocumentation(OpenApiResource openApi, JsonMapper json) {
		this.openApi = openApi;
		this.json = json;
	}

	/** The document's heading and its operations, in the document's order. */
	public record Document(String openapi, String title, String description, String version, String licenceName,
			String licenceUrl, List<Endpoint> endpoints) {
	}

	/** One operation. */
	public record Endpoint(String method, String path, String tag, String summary, String description,
			List<Param> parameters, String exampleUrl) {
	}

	/** One parameter of an operation. */
	public record Param(String name, String in, boolean required, String type, String description, String example) {
	}

	/**
	 * The document as served for this request (its server address is this request's).
	 */
	Document read(HttpServletRequest request) {
		String ownPath = request.getRequestURI().substring(request.getContextPath().length());
		byte[] bytes;
		try {
			bytes = this.openApi.openapiJson(request, ownPath, Locale.FRANCE);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The OpenAPI document could not be written", ex);
		}
		JsonNode root = this.json.readTree(bytes);
		JsonNode info = root.path("info");
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
			for (String method : METHODS) {
				JsonNode operation = path.getValue().get(method);
				if (operation != null) {
					endpoints.add(endpoint(path.getKey(), method, operation));
				}
			}
		}
		return new Document(root.path("openapi").asString(""), info.path("title").asString(""),
				info.path("description").asString(""), info.path("version").asString(""),
				info.path("license").path("name").asString(""), info.path("license").path("url").asString(""),
				List.copyOf(endpoints));
	}

	private static Endpoint endpoint(String path, String method, JsonNode operation) {
		List<Param> parameters = new ArrayList<>();
		String url = path;
		StringJoiner query = new StringJoiner("&");
		for (JsonNode parameter : operation.path("parameters")) {
			String name = parameter.path("name").asString("");
			String in = parameter.path("in").asString("");
			JsonNode example = parameter.has("example") ? parameter.get("example")
					: parameter.path("schema").path("example");
			List<String> examples = new ArrayList<>();
			if (example.isArray()) {
				example.forEach(item -> examples.add(item.asString("")));
			}
			else if (!example.isMissingNode() && !example.isNull()) {
				examples.add(example.asString(""));
			}
			JsonNode schema = parameter.path("schema");
			String type = schema.path("type").isArray() ? schema.path("type").get(0).asString("")
					: schema.path("type").asString("");
			if (type.equals("array")) {
				type = type + "<" + schema.path("items").path("type").asString("") + ">";
			}
			parameters.add(new Param(name, in, parameter.path("required").asBoolean(false), type,
					parameter.path("description").asString(""), String.join(", ", examples)));
			if (in.equals("path") && !examples.isEmpty()) {
				url = url.replace("{" + name + "}", examples.getFirst());
			}
			else if (in.equals("query")) {
				for (String value : examples) {
					query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3A", ":"));
				}
			}
		}
		String exampleUrl = (query.length() > 0) ? url + "?" + query : url;
		JsonNode tags = operation.path("tags");
		return new Endpoint(method.toUpperCase(Locale.ROOT), path, tags.isArray() ? tags.path(0).asString("") : "",
				operation.path("summary").asString(""), operation.path("description").asString(""),
				List.copyOf(parameters), exampleUrl);
	}

}
