package fr.maillage.audit;

import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.shared.security.Scope;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Journal des modifications": the audit trail, read-only, filtered and within the
 * reader's scope. There is deliberately no route that changes an entry.
 */
@Controller
class JournalController {

	static final String PATH = "/journal";

	private final AuditEntries entries;

	JournalController(AuditEntries entries) {
		this.entries = entries;
	}

	@GetMapping(PATH)
	String journal(@ModelAttribute("filter") JournalFilter filter, BindingResult errors,
			@RequestParam(defaultValue = "1") int page, Authentication reader, Model model) {
		if (!errors.hasFieldErrors("from") && !errors.hasFieldErrors("to") && !filter.periodInOrder()) {
			errors.rejectValue("to", "audit.filter.period.order");
		}
		Scope scope = readableScope(reader);
		AuditPage result = errors.hasErrors() ? AuditPage.empty(AuditEntries.PAGE_SIZE)
				: this.entries.find(scope, filter, page);
		model.addAttribute("result", result);
		model.addAttribute("filterInvalid", errors.hasErrors());
		model.addAttribute("categories", Category.values());
		model.addAttribute("scopeEmpty", scope.isEmpty());
		if (result.hasPrevious()) {
			model.addAttribute("previousUrl", filter.pageUrl(result.number() - 1));
		}
		if (result.hasNext()) {
			model.addAttribute("nextUrl", filter.pageUrl(result.number() + 1));
		}
		return "audit/journal";
	}

	/**
	 * Where this reader may read the trail. TEMPORARY: scoped role assignments (being
	 * built) will replace this with the reader's scope for "read the audit trail" — a
	 * CAF_ADVISOR's départements, a STRUCTURE_MANAGER's structure. Until then only the
	 * national administration reads anything. Reads authorities rather than the account
	 * module's principal, so that audit does not depend on account (which depends on
	 * audit).
	 */
	static Scope readableScope(Authentication reader) {
		boolean national = reader.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_NATIONAL_ADMIN".equals(authority.getAuthority()));
		return national ? Scope.NATION : Scope.NONE;
	}

}
