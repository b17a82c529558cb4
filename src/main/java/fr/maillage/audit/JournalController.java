package fr.maillage.audit;

import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.shared.security.AccessScopes;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Scope;

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

	private final AccessScopes scopes;

	JournalController(AuditEntries entries, AccessScopes scopes) {
		this.entries = entries;
		this.scopes = scopes;
	}

	@GetMapping(PATH)
	String journal(@ModelAttribute("filter") JournalFilter filter, BindingResult errors,
			@RequestParam(defaultValue = "1") int page, Model model) {
		if (!errors.hasFieldErrors("from") && !errors.hasFieldErrors("to") && !filter.periodInOrder()) {
			errors.rejectValue("to", "audit.filter.period.order");
		}
		Scope scope = this.scopes.scopeFor(Permission.READ_AUDIT);
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

}
