package fr.maillage.shared.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the JSON API as RFC 9457 problems with a French detail; an unexpected error
 * gets an incident id, logged with its stack trace, never shown.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	private final MessageSource messages;

	ApiErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, this.messages.getMessage(ex.messageKey(), ex.arguments(), locale), locale);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("api.error.missing-parameter", new Object[] { ex.getParameterName() }, locale),
				locale);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(MethodArgumentTypeMismatchException ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("api.error.bad-parameter", new Object[] { ex.getName() }, locale), locale);
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, Locale locale) {
		if (ex instanceof ErrorResponse requestError) {
			// Spring's own request errors (wrong method, unreadable body…) keep their
			// status.
			HttpStatus status = HttpStatus.valueOf(requestError.getStatusCode().value());
			String detail = this.messages.getMessage("api.error.request", null, locale);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(detail);
			return problem;
		}
		String incident = Incidents.newId();
		log.error("Incident {}: unexpected error in the API", incident, ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR,
				this.messages.getMessage("api.error.unexpected", new Object[] { incident }, locale), locale);
		problem.setProperty("incident", incident);
		return problem;
	}

	private ProblemDetail problem(HttpStatus status, String detail, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(this.messages.getMessage("api.error.title." + status.value(), null, locale));
		return problem;
	}

}
