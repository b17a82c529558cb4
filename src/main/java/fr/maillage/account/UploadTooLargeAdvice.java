package fr.maillage.account;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the upload limit is refused before any controller runs: say so in French on
 * the bulk invitation page (the only upload form today) rather than with an error page.
 */
@ControllerAdvice(assignableTypes = PeopleController.class)
class UploadTooLargeAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	String tooLarge(Model model) {
		model.addAttribute("uploadError", "people.bulk.error.too-large");
		return "account/bulk-invite";
	}

}
