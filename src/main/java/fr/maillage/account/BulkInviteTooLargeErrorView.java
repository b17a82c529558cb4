package fr.maillage.account;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A bulk invitation file over the upload limit is refused by the servlet container while
 * the first filter reads the request, before any controller (so a controller advice never
 * sees it): the error page it leads to is the bulk invitation page, with a French
 * message.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BulkInviteTooLargeErrorView implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		if (status.value() != 413 || !(model.get("path") instanceof String path)
				|| !path.equals(request.getContextPath() + "/personnes/inviter-en-masse")) {
			return null;
		}
		return new ModelAndView("account/bulk-invite", Map.of("uploadError", "people.bulk.error.too-large"), status);
	}

}
