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
import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import fr.maillage.questionnaire.Definition;
import fr.maillage.questionnaire.SubmissionChecks;
import fr.maillage.questionnaire.SubmissionChecks.Finding;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Soumettre": every rule of the questionnaire over the whole response. Blocking problems
 * stop the submission and are listed with the section of their field; warnings (far from
 * last year, outside the département's usual range, warning rules) each need a short
 * justification. A submission stores the justifications, makes the transition (which
 * publishes {@link ResponseSubmitted}) and sends the submitter a receipt, all in one
 * transaction: the receipt goes through the outbox, so it leaves only if the submission
 * holds.
 */
@Service
class Submissions {

	static final int JUSTIFICATION_MAX = 1000;

	private final AnswerSheet sheets;

	private final AnswerRepository answers;

	private final Responses responses;

	private final ResponseRepository responseRepository;

	private final EmailOutbox outbox;

	private final AccessPolicy policy;

	private final Clock clock;

	private final String baseUrl;

	Submissions(AnswerSheet sheets, AnswerRepository answers, Responses responses,
			ResponseRepository responseRepository, EmailOutbox outbox, AccessPolicy policy, Clock clock,
			@Value("${maillage.base-url}") String baseUrl) {
		this.sheets = sheets;
		this.answers = answers;
		this.responses = responses;
		this.responseRepository = responseRepository;
		this.outbox = outbox;
		this.policy = policy;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/**
	 * One problem found, with the section holding its field (null for a rule across
	 * sections).
	 */
	record Problem(Finding finding, String sectionCode, String label, List<Finding> more) {

		Problem(Finding finding, String sectionCode, String label) {
			this(finding, sectionCode, label, List.of());
		}

		/** Every finding of this question, the first one first. */
		List<Finding> findings() {
			List<Finding> all = new ArrayList<>(List.of(this.finding));
			all.addAll(this.more);
			return all;
		}

		Problem and(Finding another) {
			List<Finding> all = new ArrayList<>(this.more);
			all.add(another);
			return new Problem(this.finding, this.sectionCode, this.label, all);
		}

	}

	/** What the checks found: blocking problems, and warnings to justify. */
	record Report(List<Problem> blocking, List<Problem> warnings) {

		boolean clean() {
			return this.blocking.isEmpty() && this.warnings.isEmpty();
		}

	}

	Report check(AnswerSheet.Sheet sheet) {
		Definition definition = sheet.definition();
		Map<String, Object> lastYear = new HashMap<>();
		sheet.previous()
			.values()
			.forEach((code, value) -> definition.question(code)
				.ifPresent(question -> lastYear.put(code, Answers.decode(question, value))));
		List<String> compared = definition.allQuestions()
			.stream()
			.filter(question -> question.warning() != null && question.warning().percentile())
			.map(Definition.Question::code)
			.toList();
		Map<String, SubmissionChecks.Spread> spreads = new HashMap<>();
		this.answers
			.departementSpread(sheet.campaign().id(), sheet.structure().departementCode(), sheet.kind(),
					sheet.structure().id(), compared)
			.forEach((code, spread) -> spreads.put(code,
					new SubmissionChecks.Spread(spread.low(), spread.high(), spread.answered())));
		List<Finding> findings = SubmissionChecks.check(definition, sheet.kind(), sheet.values(), lastYear, spreads);
		Map<String, Definition.Section> sectionOf = new HashMap<>();
		Map<String, Definition.Question> questionOf = new HashMap<>();
		for (Definition.Section section : definition.sections()) {
			for (Definition.Question question : section.questions()) {
				sectionOf.put(question.code(), section);
				questionOf.put(question.code(), question);
			}
		}
		List<Problem> blocking = new ArrayList<>();
		Map<String, Problem> warnings = new LinkedHashMap<>();
		for (Finding finding : findings) {
			Definition.Section section = sectionOf.get(finding.code());
			Definition.Question question = questionOf.get(finding.code());
			if (finding.blocking() && section != null && "answer.error.required".equals(finding.message())
					&& sheet.proposal(section, question) != null) {
				// It shows last year's value: what is missing is the confirmation.
				finding = new Finding(finding.code(), true, "answer.error.proposal-unconfirmed",
						List.of(section.title()));
			}
			Problem problem = new Problem(finding, (section != null) ? section.code() : null,
					(question != null) ? question.label() : null);
			if (finding.blocking()) {
				blocking.add(problem);
			}
			else {
				// One justification per question, whatever number of reasons it has.
				warnings.merge(finding.code(), problem, (first, next) -> first.and(next.finding()));
			}
		}
		return new Report(blocking, List.copyOf(warnings.values()));
	}

	/** What a submission did. */
	sealed interface Outcome {

	}

	/** Submitted; the receipt is on its way. */
	record Submitted() implements Outcome {
	}

	/**
	 * Not submitted: the report, and for each warning code whose justification is missing
	 * or too long, its message key.
	 */
	record NotSubmitted(Report report, Map<String, String> justificationErrors) implements Outcome {
	}

	/**
	 * Submits the response the person saw at {@code version}, with their justifications
	 * (warning code → text). Nothing is stored unless everything holds.
	 * @throws AccessDeniedException unless the response is the caller's to answer
	 * @throws IllegalTransitionException if it is submitted or validated already
	 * @throws TransitionRefusedException if its status or version has moved on
	 */
	@Transactional
	Outcome submit(long responseId, int version, Map<String, String> justifications) {
		// No value saved between these checks and the transition (saves hold a shared
		// lock).
		this.responseRepository.lock(responseId);
		AnswerSheet.Sheet sheet = this.sheets.open(responseId);
		if (!sheet.mayAnswer()) {
			throw new AccessDeniedException("Response " + responseId + " is not the caller's to submit");
		}
		if (sheet.closed()) {
			throw new TransitionRefusedException("Response " + responseId + " is past its deadline",
					"answer.error.closed", sheet.deadlineText());
		}
		if (!sheet.editable()) {
			throw new IllegalTransitionException(sheet.response().status(), ResponseAction.SUBMIT);
		}
		Report report = check(sheet);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> given = new LinkedHashMap<>();
		for (Problem warning : report.warnings()) {
			String code = warning.finding().code();
			String text = justifications.getOrDefault(code, "").strip();
			if (text.isEmpty()) {
				errors.put(code, "submission.error.justification-required");
			}
			else if (text.length() > JUSTIFICATION_MAX) {
				errors.put(code, "submission.error.justification-too-long");
			}
			else {
				given.put(code, text);
			}
		}
		if (!report.blocking().isEmpty() || !errors.isEmpty()) {
			return new NotSubmitted(report, errors);
		}
		Instant now = this.clock.instant();
		AccountPrincipal person = this.policy.currentUser().orElseThrow();
		this.answers.forgetJustifications(responseId);
		given.forEach((code, text) -> this.answers.justify(responseId, code, text, now, person.id()));
		this.responses.submit(responseId, version);
		this.outbox.enqueue(new OutgoingEmail(person.getUsername(), "response-submitted",
				Map.of("structureName", sheet.structure().name(), "dataYear", sheet.response().dataYear(),
						"submittedAt", now, "answered", sheet.stored().size(), "justified", given.size(), "link",
						this.baseUrl + "/reponses/" + responseId + "/impression")));
		return new Submitted();
	}

}
