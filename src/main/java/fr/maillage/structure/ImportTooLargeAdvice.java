package fr.maillage.structure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the upload limit is refused while the request is read, before any
 * controller is chosen (so an advice limited to a controller would not see it): on the
 * import page, say so in French on the page. Elsewhere the exception goes on to the other
 * handlers.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportTooLargeAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) throws MaxUploadSizeExceededException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/registre/import")) {
			throw ex;
		}
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		model.addAttribute("uploadError", "structure.import.error.too-large");
		model.addAttribute("uploadErrorArguments", new Object[] { ImportFiles.MAX_BYTES / (1024 * 1024) });
		RegistryImportController.pageAttributes(model);
		return "true".equals(request.getHeader("HX-Request")) ? "structure/import :: zone" : "structure/import";
	}

}
