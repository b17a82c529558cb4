package fr.maillage.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.questionnaire.AnswerChecks;
import fr.maillage.questionnaire.AnswerInput;
import fr.maillage.questionnaire.Definition;
import fr.maillage.questionnaire.QuestionType;
import fr.maillage.questionnaire.Questionnaires;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Saves one answer at a time, as the answer pages autosave them: read the French way,
 * checked against the skip logic and constraints, merged field by field (a value changed
 * meanwhile by someone else is a conflict, never silently overwritten), and kept in the
 * history with who and when. The first saved value starts the response.
 */
@Service
public class Answers {

	private static final Set<ResponseStatus> EDITABLE = Set.of(ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS,
			ResponseStatus.RETURNED);

	/** Items of a repeat group that sets no maximum. */
	static final int MAX_ITEMS = 50;

	private final Responses responses;

	private final Questionnaires questionnaires;

	private final AnswerRepository repository;

	private final AccessPolicy policy;

	private final Clock clock;

	Answers(Responses responses, Questionnaires questionnaires, AnswerRepository repository, AccessPolicy policy,
			Clock clock) {
		this.responses = responses;
		this.questionnaires = questionnaires;
		this.repository = repository;
		this.policy = policy;
		this.clock = clock;
	}

	/** What a save did. */
	public sealed interface Outcome {

	}

	/**
	 * Saved: the value as shown back, the field's new version, when; and, with this
	 * value, which conditional questions are shown and the computed totals (shown the
	 * French way), for the page to follow.
	 */
	public record Saved(String shown, int version, Instant savedAt, Map<String, Boolean> relevance,
			Map<String, String> totals) implements Outcome {
	}

	/**
	 * Refused, with a message key (or a constraint's own French message) and arguments.
	 */
	public record Refused(String message, List<Object> arguments) implements Outcome {
	}

	/**
	 * Someone else changed this field since the person loaded it: both values are shown
	 * and the person chooses.
	 */
	public record Conflict(String theirs, String yours, int version) implements Outcome {
	}

	/**
	 * Saves the typed value of one field; {@code seenVersion} is the field's version the
	 * person's page showed (0 for a field that had no value). A save is two statements,
	 * each committed on its own: one read of the response with its answers, then one
	 * write that checks, as it writes, that nobody changed the field meanwhile and that
	 * the response still takes answers (see {@link AnswerRepository}). The first value
	 * saved then starts the response; should that not happen (a crash in between), the
	 * next save starts it.
	 */
	public Outcome save(long responseId, String code, int item, String typed, int seenVersion) {
		AnswerRepository.ForSave response = this.repository
			.forSave(responseId, this.policy.scopeFor(Permission.READ_ANSWERS))
			.orElseThrow(() -> new NotFoundException("response.not-found"));
		if (!this.policy.scopeFor(Permission.ANSWER_QUESTIONNAIRE).covers(null, null, response.structureId())) {
			throw new AccessDeniedException("Not this structure's to answer");
		}
		if (!EDITABLE.contains(response.status())) {
			return new Refused("answer.error.locked", List.of());
		}
		// After the structure's deadline only a response returned for correction still
		// takes answers, until it is submitted again.
		if (response.status() != ResponseStatus.RETURNED && Deadlines.passed(this.clock.instant(), response.closesOn(),
				response.extendedUntil(), response.departementCode())) {
			return new Refused("answer.error.closed", List.of(Deadlines.text(
					Deadlines.deadline(response.closesOn(), response.extendedUntil(), response.departementCode()),
					response.departementCode())));
		}
		Outcome outcome = saveField(responseId, response, code, item, typed, seenVersion);
		if (outcome instanceof Saved && response.status() == ResponseStatus.NOT_STARTED) {
			this.responses.startIfNotStarted(responseId);
		}
		return outcome;
	}

	private Outcome saveField(long responseId, AnswerRepository.ForSave response, String code, int item, String typed,
			int seenVersion) {
		Definition definition = this.questionnaires.definition(response.questionnaireVersionId()).orElseThrow();
		Definition.Question question = visibleQuestion(definition, code, response.structureKind())
			.orElseThrow(() -> new UnknownQuestionException(code));
		Optional<Definition.Question> repeat = definition.allQuestions()
			.stream()
			.filter(parent -> parent.children().contains(question))
			.findFirst();
		boolean inRepeat = repeat.isPresent();
		int items = repeat.map(Definition.Question::maxItems).orElse(MAX_ITEMS);
		if (item < 0 || (!inRepeat && item != 0) || (inRepeat && item >= items)
				|| question.type() == QuestionType.REPEAT) {
			throw new UnknownQuestionException(code + "#" + item);
		}
		AnswerInput.Read read = AnswerInput.read(question, (question.choices() != null)
				? definition.choices().getOrDefault(question.choices(), List.of()) : List.of(), typed);
		if (!read.ok()) {
			return new Refused(read.problem(), read.arguments());
		}
		List<AnswerRepository.Stored> all = response.answers();
		Map<String, Object> answers = answers(definition, all);
		List<String> problems = AnswerChecks.field(definition, question, read.value(), answers);
		if (!problems.isEmpty()) {
			return new Refused(problems.getFirst(), List.of());
		}
		Optional<AnswerRepository.Stored> stored = all.stream()
			.filter(one -> one.code().equals(code) && one.item() == item)
			.findFirst();
		int current = stored.map(AnswerRepository.Stored::version).orElse(0);
		String value = canonical(read.value());
		String old = stored.map(AnswerRepository.Stored::value).orElse(null);
		if (current != seenVersion && !Objects.equals(old, value)) {
			return conflict(question, old, read.value(), current);
		}
		Instant now = this.clock.instant();
		if (Objects.equals(old, value)) {
			return saved(definition, answers, question, inRepeat, read.value(), current, now);
		}
		Long user = this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
		Optional<Integer> version;
		if (value == null) {
			version = this.repository.delete(responseId, code, item, old, current, now, user) ? Optional.of(0)
					: Optional.empty();
		}
		else if (stored.isPresent()) {
			version = this.repository.replace(responseId, code, item, old, value, current, now, user)
					? Optional.of(current + 1) : Optional.empty();
		}
		else {
			version = this.repository.insertFirst(responseId, code, item, value, now, user);
		}
		if (version.isPresent()) {
			return saved(definition, answers, question, inRepeat, read.value(), version.get(), now);
		}
		// Between the read and the write, the response was submitted, or someone changed
		// the field: the same value is fine, another one is theirs until the person
		// chooses.
		AnswerRepository.Now latest = this.repository.now(responseId, code, item);
		if (!EDITABLE.contains(latest.status())) {
			return new Refused("answer.error.locked", List.of());
		}
		Optional<AnswerRepository.Stored> theirs = latest.field();
		String theirValue = theirs.map(AnswerRepository.Stored::value).orElse(null);
		int theirVersion = theirs.map(AnswerRepository.Stored::version).orElse(0);
		if (Objects.equals(theirValue, value)) {
			return saved(definition, answers, question, inRepeat, read.value(), theirVersion, now);
		}
		return conflict(question, theirValue, read.value(), theirVersion);
	}

	private static Conflict conflict(Definition.Question question, String theirs, Object yours, int version) {
		return new Conflict((theirs != null) ? AnswerInput.show(question, decode(question, theirs)) : "",
				AnswerInput.show(question, yours), version);
	}

	private static Saved saved(Definition definition, Map<String, Object> answers, Definition.Question question,
			boolean inRepeat, Object value, int version, Instant now) {
		if (!inRepeat) {
			answers.put(question.code(), value);
		}
		return new Saved(AnswerInput.show(question, value), version, now, relevance(definition, answers),
				totals(definition, answers));
	}

	/** Whether each conditional question is shown, given the answers. */
	static Map<String, Boolean> relevance(Definition definition, Map<String, Object> answers) {
		Map<String, Boolean> relevance = new java.util.TreeMap<>();
		for (Definition.Question question : definition.allQuestions()) {
			if (question.relevant() != null) {
				relevance.put(question.code(), AnswerChecks.relevant(definition, question, answers));
			}
		}
		return relevance;
	}

	/** Every computed total, shown the French way (empty while incomplete). */
	static Map<String, String> totals(Definition definition, Map<String, Object> answers) {
		Map<String, Object> values = fr.maillage.questionnaire.SubmissionChecks.withTotals(definition, answers);
		Map<String, String> totals = new java.util.TreeMap<>();
		for (Definition.Question question : definition.allQuestions()) {
			if (question.calculate() != null) {
				totals.put(question.code(), AnswerInput.show(question, values.get(question.code())));
			}
		}
		return totals;
	}

	/** The answers outside repeat groups, decoded, for skip logic and constraints. */
	private static Map<String, Object> answers(Definition definition, List<AnswerRepository.Stored> all) {
		Map<String, Object> answers = new HashMap<>();
		for (AnswerRepository.Stored stored : all) {
			if (stored.item() == 0) {
				definition.question(stored.code())
					.ifPresent(question -> answers.put(stored.code(), decode(question, stored.value())));
			}
		}
		return answers;
	}

	private static Optional<Definition.Question> visibleQuestion(Definition definition, String code, String kind) {
		for (Definition.Section section : definition.sections()) {
			if (!section.kinds().isEmpty() && !section.kinds().contains(kind)) {
				continue;
			}
			for (Definition.Question question : section.questions()) {
				for (Definition.Question candidate : concat(question)) {
					if (candidate.code().equals(code) && candidate.calculate() == null
							&& (candidate.kinds().isEmpty() || candidate.kinds().contains(kind))) {
						return Optional.of(candidate);
					}
				}
			}
		}
		return Optional.empty();
	}

	private static List<Definition.Question> concat(Definition.Question question) {
		List<Definition.Question> all = new java.util.ArrayList<>();
		all.add(question);
		all.addAll(question.children());
		return all;
	}

	/** The stored text of a value. */
	static String canonical(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Set<?> codes) {
			return String.join(",", new TreeSet<>(codes.stream().map(Object::toString).toList()));
		}
		return value.toString();
	}

	/** A stored text back to its value. */
	static Object decode(Definition.Question question, String value) {
		return switch (question.type()) {
			case INTEGER, DECIMAL, MONEY, PERCENTAGE, FTE -> new BigDecimal(value);
			case YES_NO -> Boolean.valueOf(value);
			case DATE -> LocalDate.parse(value);
			case MULTIPLE_CHOICE -> Set.copyOf(Arrays.asList(value.split(",")));
			default -> value;
		};
	}

	/** A posted code that is not a question the structure answers: a bad request. */
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.BAD_REQUEST)
	public static class UnknownQuestionException extends RuntimeException {

		UnknownQuestionException(String code) {
			super("No question " + code + " to answer here");
		}

	}

}
