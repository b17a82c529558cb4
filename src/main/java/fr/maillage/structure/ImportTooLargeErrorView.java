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
 * error page it leads to is, for the import page, that page with a French message.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportTooLargeErrorView implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Object path = model.get("path");
		if (status.value() != 413 || !(path instanceof String uri)
				|| !uri.startsWith(request.getContextPath() + "/registre/import")) {
			return null;
		}
		ExtendedModelMap page = new ExtendedModelMap();
		RegistryImportController.pageAttributes(page);
		page.addAttribute("uploadError", "structure.import.error.too-large");
		page.addAttribute("uploadErrorArguments", new Object[] { ImportFiles.MAX_BYTES / (1024 * 1024) });
		return new ModelAndView("structure/import", new HashMap<>(page), status);
	}

}
