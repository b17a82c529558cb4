package fr.maillage.structure;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file over the upload limit is refused by the servlet container while it reads the
 * request (the first filter that reads a parameter trips it), before any controller: the
 * error page it leads to is, for the import page, that page with a French message, and
 * for a social project document, a French page leading back to the structure's record.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportTooLargeErrorView implements ErrorViewResolver {

	private static final java.util.regex.Pattern DOCUMENT_UPLOAD = java.util.regex.Pattern
		.compile("/registre/(\\d+)/agrements/\\d+/documents");

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		if (status.value() != 413 || !(model.get("path") instanceof String path)) {
			return null;
		}
		String uri = path.substring(request.getContextPath().length());
		java.util.regex.Matcher document = DOCUMENT_UPLOAD.matcher(uri);
		if (document.matches()) {
			// A social project document: say so, with the way back to the record.
			return new ModelAndView("registry/document-too-large", Map.of("structureId", document.group(1)), status);
		}
		if (!uri.startsWith("/registre/import")) {
			return null;
		}
		ExtendedModelMap page = new ExtendedModelMap();
		RegistryImportController.pageAttributes(page);
		page.addAttribute("uploadError", "structure.import.error.too-large");
		page.addAttribute("uploadErrorArguments", new Object[] { ImportFiles.MAX_BYTES / (1024 * 1024) });
		return new ModelAndView("structure/import", new HashMap<>(page), status);
	}

}
