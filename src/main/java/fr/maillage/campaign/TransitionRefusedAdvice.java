package fr.maillage.campaign;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * A transition refused on the answer pages (the response was submitted meanwhile from
 * another tab, or someone changed it since the page was read) is a conflict with the
 * current state: 409, with the French reason and a way back to the response. Nothing was
 * written.
 */
@ControllerAdvice(assignableTypes = AnswerController.class)
class TransitionRefusedAdvice {

	private final MessageSource messages;

	TransitionRefusedAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(TransitionRefusedException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView refused(TransitionRefusedException refusal, HttpServletRequest request) {
		Object[] arguments = refusal.arguments();
		for (int i = 0; i < arguments.length; i++) {
			// Illegal transitions name their status and action by message key.
			if (arguments[i] instanceof String key && key.startsWith("response.")) {
				arguments[i] = this.messages.getMessage(key, null, key, Locale.FRENCH);
			}
		}
		ModelAndView view = new ModelAndView("campaign/refused");
		view.addObject("reason", this.messages.getMessage(refusal.messageKey(), arguments, Locale.FRENCH));
		view.addObject("back", request.getRequestURI().replaceFirst("^(/reponses/\\d+).*$", "$1"));
		return view;
	}

}
