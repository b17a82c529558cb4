package fr.maillage.structure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The open data: every active structure in the data·inclusion schema, as JSON and as CSV,
 * written as they are read. A client that kept a file asks again with its entity tag and
 * gets "304 Not Modified" until a structure changes.
 */
@RestController
@RequestMapping("/api/v1/open-data")
class OpenDataController {

	static final String FILE_NAME = "structures.data-inclusion";

	/** Caches may keep a file this long before they ask again. */
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();

	private final OpenDataExport export;

	OpenDataController(OpenDataExport export) {
		this.export = export;
	}

	@GetMapping("/" + FILE_NAME + ".json")
	void json(ServletWebRequest request, HttpServletResponse response) throws IOException {
		String baseUrl = baseUrl();
		if (request.checkNotModified(this.export.entityTag("json", baseUrl))) {
			return;
		}
		start(response, MediaType.APPLICATION_JSON, "inline");
		this.export.writeJson(baseUrl, response.getOutputStream());
	}

	@GetMapping("/" + FILE_NAME + ".csv")
	void csv(ServletWebRequest request, HttpServletResponse response) throws IOException {
		String baseUrl = baseUrl();
		if (request.checkNotModified(this.export.entityTag("csv", baseUrl))) {
			return;
		}
		start(response, new MediaType("text", "csv", StandardCharsets.UTF_8), "attachment");
		this.export.writeCsv(baseUrl, response.getOutputStream());
	}

	private static void start(HttpServletResponse response, MediaType type, String disposition) {
		String extension = type.getSubtype().equals("json") ? ".json" : ".csv";
		response.setContentType(type.toString());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.builder(disposition)
					.filename("maillage-" + FILE_NAME + extension)
					.build()
					.toString());
	}

	/** Public pages are linked at the address this request came to, as e-mails are. */
	private static String baseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
