package fr.maillage.structure;

import java.util.Locale;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a visitor looks for in the public directory, as typed in its search form or given
 * to the API; each criterion is optional. Only active structures are ever listed.
 *
 * @param q words of a name, a commune's name or a postal code, in any case and with or
 * without accents
 * @param kind centres sociaux or espaces de vie sociale
 * @param departement an INSEE département code ({@code 66}, {@code 2A}, {@code 974})
 * @param managementMode who runs the structure
 */
record DirectoryFilter(String q, StructureKind kind, String departement, ManagementMode managementMode) {

	/**
	 * Longer searches are refused: no name, commune and postal code together is longer.
	 */
	static final int MAX_QUERY = 100;

	static final DirectoryFilter NONE = new DirectoryFilter(null, null, null, null);

	DirectoryFilter {
		q = blankToNull(q);
		departement = (blankToNull(departement) != null) ? departement.strip().toUpperCase(Locale.ROOT) : null;
	}

	public boolean isEmpty() {
		return this.q == null && this.kind == null && this.departement == null && this.managementMode == null;
	}

	/** The directory page showing page {@code page} (from 1) of this search. */
	public String pageUrl(int page) {
		UriComponentsBuilder url = query(UriComponentsBuilder.fromPath(DirectoryController.PATH));
		if (page > 1) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

	/**
	 * The page of a structure, reached from page {@code page} of this search: it links
	 * back to it.
	 */
	public String structureUrl(long id, int page) {
		UriComponentsBuilder url = query(UriComponentsBuilder.fromPath(DirectoryController.PATH + "/" + id));
		if (page > 1) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

	private UriComponentsBuilder query(UriComponentsBuilder url) {
		return url.queryParamIfPresent("q", Optional.ofNullable(this.q))
			.queryParamIfPresent("kind", Optional.ofNullable(this.kind))
			.queryParamIfPresent("departement", Optional.ofNullable(this.departement))
			.queryParamIfPresent("managementMode", Optional.ofNullable(this.managementMode));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
