package fr.maillage.structure;

import java.util.List;
import java.util.Locale;

import fr.maillage.shared.web.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public JSON API of the directory (no sign-in): active structures by words and
 * filters, page by page, and one structure's public record. Wrong parameters answer a
 * French problem (RFC 9457), like the rest of the API.
 */
@RestController
@RequestMapping("/api/v1/structures")
class DirectoryApiController {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 200;

	private final PublicDirectory directory;

	private final MessageSource messages;

	DirectoryApiController(PublicDirectory directory, MessageSource messages) {
		this.directory = directory;
		this.messages = messages;
	}

	/**
	 * Page {@code page} (from 0) of the active structures matching the filters, by
	 * commune then name.
	 */
	@GetMapping
	StructurePage search(@RequestParam(required = false) String q, @RequestParam(required = false) StructureKind kind,
			@RequestParam(required = false) String departement,
			@RequestParam(required = false) ManagementMode managementMode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
		DirectoryFilter filter = new DirectoryFilter(q, kind, departement, managementMode);
		if (filter.q() != null && filter.q().length() > DirectoryFilter.MAX_QUERY) {
			throw new BadParameter("directory.api.error.query-long", DirectoryFilter.MAX_QUERY);
		}
		if (filter.departement() != null && !this.directory.knownDepartement(filter.departement())) {
			throw new BadParameter("directory.api.error.departement", filter.departement());
		}
		if (page < 0) {
			throw new BadParameter("directory.api.error.page");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new BadParameter("directory.api.error.size", MAX_SIZE);
		}
		DirectoryPage result = this.directory.search(filter, page + 1, size);
		return new StructurePage(result.total(), page, size, this.directory.publicStructures(result.items()));
	}

	/** One structure's public record, active or closed (see its {@code status}). */
	@GetMapping("/{id}")
	PublicStructure structure(@PathVariable long id) {
		StructureRecord record = this.directory.find(id)
			.orElseThrow(() -> new NotFoundException("directory.api.error.not-found", Long.toString(id)));
		return this.directory.publicStructures(List.of(record)).getFirst();
	}

	@ExceptionHandler(BadParameter.class)
	ProblemDetail badParameter(BadParameter ex, Locale locale) {
		String detail = this.messages.getMessage(ex.messageKey, ex.arguments, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(this.messages.getMessage("api.error.title.400", null, locale));
		return problem;
	}

	/**
	 * One page of structures.
	 *
	 * @param total how many match, on all pages
	 * @param page this page's number, from 0
	 * @param size the most structures a page holds
	 */
	record StructurePage(long total, int page, int size, List<PublicStructure> items) {
	}

	/** A parameter the API refuses, with the French message that says why. */
	static final class BadParameter extends RuntimeException {

		private final String messageKey;

		private final transient Object[] arguments;

		BadParameter(String messageKey, Object... arguments) {
			super(messageKey);
			this.messageKey = messageKey;
			this.arguments = arguments;
		}

	}

}
