package fr.maillage.audit;

import java.time.LocalDate;
import java.util.Optional;

import fr.maillage.audit.AuditEvent.Category;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the journal page, as typed in its form; each one is optional.
 *
 * @param category security events or data changes
 * @param action an action code, exactly (e.g. {@code signin.failed})
 * @param objectType a kind of object, exactly (e.g. {@code user})
 * @param from the first day of the period, included
 * @param to the last day of the period, included
 * @param actor the id of the person who acted
 */
record JournalFilter(Category category, String action, String objectType,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Long actor) {

	static final JournalFilter NONE = new JournalFilter(null, null, null, null, null, null);

	JournalFilter {
		action = blankToNull(action);
		objectType = blankToNull(objectType);
	}

	boolean periodInOrder() {
		return this.from == null || this.to == null || !this.from.isAfter(this.to);
	}

	/** The address of page {@code page} of the journal with these same filters. */
	String pageUrl(int page) {
		return UriComponentsBuilder.fromPath(JournalController.PATH)
			.queryParamIfPresent("category", Optional.ofNullable(this.category))
			.queryParamIfPresent("action", Optional.ofNullable(this.action))
			.queryParamIfPresent("objectType", Optional.ofNullable(this.objectType))
			.queryParamIfPresent("from", Optional.ofNullable(this.from))
			.queryParamIfPresent("to", Optional.ofNullable(this.to))
			.queryParamIfPresent("actor", Optional.ofNullable(this.actor))
			.queryParam("page", page)
			.encode()
			.build()
			.toUriString();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
