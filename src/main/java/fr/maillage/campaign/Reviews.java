package fr.maillage.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.account.StructureContacts;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import fr.maillage.shared.security.Permission;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewers' side of a response (permissions.md): reviewers, Caf advisors and the
 * federation of the département read it with its warnings and justifications, comment on
 * any question and return it for correction; reviewers and Caf advisors validate it and
 * withdraw a validation, never for a structure where they hold a structure role. Each
 * step is one transition of {@link Responses} (audited, with its event) and an e-mail to
 * the structure's people, through the outbox, in the same transaction.
 */
@Service
class Reviews {

	/** Longest comment, return message or reason. */
	static final int TEXT_MAX = 2000;

	private final AnswerSheet sheets;

	private final Submissions submissions;

	private final Responses responses;

	private final ReviewRepository repository;

	private final AnswerRepository answers;

	private final StructureContacts contacts;

	private final EmailOutbox outbox;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	private final String baseUrl;

	Reviews(AnswerSheet sheets, Submissions submissions, Responses responses, ReviewRepository repository,
			AnswerRepository answers, StructureContacts contacts, EmailOutbox outbox, AccessPolicy policy,
			AuditTrail audit, Clock clock, @Value("${maillage.base-url}") String baseUrl) {
		this.sheets = sheets;
		this.submissions = submissions;
		this.responses = responses;
		this.repository = repository;
		this.answers = answers;
		this.contacts = contacts;
		this.outbox = outbox;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/**
	 * A response as its reviewer sees it: the answers, what the checks of "Soumettre"
	 * find in them (warnings with their numbers), the structure's justifications, the
	 * comments, and what the reviewer may do.
	 */
	record Review(AnswerSheet.Sheet sheet, Submissions.Report report, Map<String, String> justifications,
			Map<String, List<ReviewRepository.Comment>> commentsByCode, boolean mayValidate) {

		boolean mayReturn() {
			return this.sheet.response().status() == ResponseStatus.SUBMITTED;
		}

		boolean validatable() {
			return this.mayValidate && this.sheet.response().status() == ResponseStatus.SUBMITTED;
		}

		boolean unvalidatable() {
			return this.mayValidate && this.sheet.response().status() == ResponseStatus.VALIDATED;
		}

	}

	/**
	 * The review of a response.
	 * @throws fr.maillage.shared.web.NotFoundException outside the caller's scope
	 * @throws AccessDeniedException for a reader who does not review it
	 */
	Review open(long responseId) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		requireReviewer(sheet);
		return new Review(sheet, this.submissions.check(sheet), this.answers.justifications(responseId),
				commentsOf(responseId), mayValidate(sheet));
	}

	/**
	 * The comments of a response by question code ("" for the whole response), for the
	 * structure's section pages.
	 */
	Map<String, List<ReviewRepository.Comment>> commentsOf(long responseId) {
		Map<String, List<ReviewRepository.Comment>> byCode = new LinkedHashMap<>();
		for (ReviewRepository.Comment comment : this.repository.comments(responseId)) {
			byCode.computeIfAbsent(key(comment.code()), code -> new ArrayList<>()).add(comment);
		}
		return byCode;
	}

	/** The history tab: every transition and every comment. */
	record History(AnswerSheet.Sheet sheet, List<ReviewRepository.Step> steps,
			List<ReviewRepository.Comment> comments) {
	}

	History history(long responseId) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		requireReviewer(sheet);
		return new History(sheet, this.repository.steps(responseId), this.repository.comments(responseId));
	}

	/**
	 * Adds a comment on one question ({@code code}) or on the whole response (null).
	 * @throws BadReviewRequestException for a code the questionnaire does not have
	 * @return the message key of a problem with the text, or null once stored
	 */
	@Transactional
	String comment(long responseId, String code, String body) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		requireReviewer(sheet);
		String question = (code == null || code.isBlank()) ? null : code;
		if (question != null && sheet.definition().question(question).isEmpty()) {
			throw new BadReviewRequestException("No question " + question);
		}
		String problem = textProblem(body, "review.error.comment-required");
		if (problem != null) {
			return problem;
		}
		AccountPrincipal author = this.policy.currentUser().orElseThrow();
		Instant now = this.clock.instant();
		this.repository.addComment(responseId, question, 0, body.strip(), author.id(), now);
		this.audit.record(new AuditEvent(Category.DATA, "response.commented", author.id(), "response",
				Long.toString(responseId), sheet.structure().departementCode(), sheet.structure().id(), Map.of(),
				(question != null) ? Map.of("code", question) : Map.of()));
		return null;
	}

	/** Returns a submitted response with a message; e-mails its people. */
	@Transactional
	String returnForCorrection(long responseId, int version, String message) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		requireReviewer(sheet);
		String problem = textProblem(message, "review.error.message-required");
		if (problem != null) {
			return problem;
		}
		this.responses.returnForCorrection(responseId, version, message.strip());
		int comments = this.repository.comments(responseId).size();
		tell(sheet, "response-returned", Map.of("message", message.strip(), "comments", comments, "link",
				this.baseUrl + "/reponses/" + responseId));
		return null;
	}

	/**
	 * Validates a submitted response; e-mails its people.
	 * @return the message key of why not (it is not submitted), or null once validated
	 */
	@Transactional
	String validate(long responseId, int version) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		requireValidator(sheet);
		if (sheet.response().status() != ResponseStatus.SUBMITTED) {
			return "review.error.not-submitted";
		}
		this.responses.validate(responseId, version);
		tell(sheet, "response-validated", Map.of("link", this.baseUrl + "/reponses/" + responseId + "/impression"));
		return null;
	}

	/** Withdraws a validation, with a reason; e-mails the structure's people. */
	@Transactional
	String unvalidate(long responseId, int version, String reason) {
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		requireValidator(sheet);
		String problem = textProblem(reason, "review.error.reason-required");
		if (problem != null) {
			return problem;
		}
		this.responses.unvalidate(responseId, version, reason.strip());
		tell(sheet, "response-unvalidated",
				Map.of("reason", reason.strip(), "link", this.baseUrl + "/reponses/" + responseId));
		return null;
	}

	private void tell(AnswerSheet.Sheet sheet, String template, Map<String, Object> more) {
		Map<String, Object> variables = new HashMap<>(more);
		variables.put("structureName", sheet.structure().name());
		variables.put("dataYear", sheet.response().dataYear());
		variables.put("reviewer", this.policy.currentUser().map(AccountPrincipal::displayName).orElse(""));
		for (StructureContacts.Contact person : this.contacts.peopleOf(sheet.structure().id())) {
			this.outbox.enqueue(new OutgoingEmail(person.email(), template, variables));
		}
	}

	private void requireReviewer(AnswerSheet.Sheet sheet) {
		var structure = sheet.structure();
		if (!this.policy.scopeFor(Permission.RETURN_FOR_CORRECTION)
			.covers(structure.regionCode(), structure.departementCode(), structure.id())) {
			throw new AccessDeniedException("Does not review responses of structure " + structure.id());
		}
	}

	private void requireValidator(AnswerSheet.Sheet sheet) {
		if (!mayValidate(sheet)) {
			throw new AccessDeniedException("Does not validate responses of structure " + sheet.structure().id());
		}
	}

	private boolean mayValidate(AnswerSheet.Sheet sheet) {
		var structure = sheet.structure();
		return this.policy.scopeFor(Permission.VALIDATE_RESPONSE)
			.covers(structure.regionCode(), structure.departementCode(), structure.id())
				&& !this.policy.holdsStructureRoleOn(structure.id());
	}

	private static String textProblem(String text, String requiredKey) {
		if (text == null || text.isBlank()) {
			return requiredKey;
		}
		return (text.strip().length() > TEXT_MAX) ? "review.error.too-long" : null;
	}

	private static String key(String code) {
		return (code != null) ? code : "";
	}

	/** A posted question code the questionnaire does not have: a bad request. */
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.BAD_REQUEST)
	static class BadReviewRequestException extends RuntimeException {

		BadReviewRequestException(String message) {
			super(message);
		}

	}

}
