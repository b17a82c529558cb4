package fr.maillage.observatory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The open-data API's answers (ADR 23): a strong entity tag that is a hash of the JSON
 * body itself, so that a changed figure always changes it; caches must ask again every
 * time ({@code no-cache}) and get "304 Not Modified" while the body is the same (Spring
 * answers it from the {@code If-None-Match} header); and the licence in a {@code Link}
 * header.
 */
@Component
class OpenDataResponses {

	/** Caches keep a copy but revalidate it on every use. */
	static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

	private final JsonMapper json;

	OpenDataResponses(JsonMapper json) {
		this.json = json;
	}

	<T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok()
			.eTag(entityTag(body))
			.cacheControl(REVALIDATE)
			.header(HttpHeaders.LINK, OpenDataLicence.LINK)
			.body(body);
	}

	/** A strong tag: the first 128 bits of the SHA-256 of the body as served. */
	String entityTag(Object body) {
		byte[] bytes = this.json.writeValueAsBytes(body);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
