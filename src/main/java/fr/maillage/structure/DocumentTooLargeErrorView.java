package fr.maillage.structure;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A social project document over the upload limit is refused by the servlet container
 * before any controller (see {@link ImportTooLargeErrorView}): say so in French, with the
 * way back to the structure's record.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentTooLargeErrorView implements ErrorViewResolver {

	private static final Pattern UPLOAD = Pattern.compile("/registre/(\\d+)/agrements/\\d+/documents");

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		if (status.value() != 413 || !(model.get("path") instanceof String path)) {
			return null;
		}
		Matcher upload = UPLOAD.matcher(path.substring(request.getContextPath().length()));
		if (!upload.matches()) {
			return null;
		}
		return new ModelAndView("registry/document-too-large", Map.of("structureId", upload.group(1)), status);
	}

}
