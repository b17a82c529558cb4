package fr.maillage.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.maillage.account.AccessPolicy;
import fr.maillage.questionnaire.AnswerChecks;
import fr.maillage.questionnaire.AnswerInput;
import fr.maillage.questionnaire.Definition;
import fr.maillage.questionnaire.QuestionType;
import fr.maillage.questionnaire.Questionnaires;
import fr.maillage.questionnaire.SubmissionChecks;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.structure.Structure;
import fr.maillage.structure.StructureApi;

import org.springframework.stereotype.Service;

/**
 * A response as its answer pages show it: the sections its structure's kind sees, each
 * with its progress, and one section's fields with their values the French way, their
 * versions (for the field-by-field merge), whether skip logic shows them, and, for core
 * questions not yet confirmed, the value proposed from last year's validated response.
 */
@Service
class AnswerSheet {

	private static final Set<ResponseStatus> EDITABLE = Set.of(ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS,
			ResponseStatus.RETURNED);

	private final Responses responses;

	private final Campaigns campaigns;

	private final Questionnaires questionnaires;

	private final StructureApi structures;

	private final AnswerRepository answers;

	private final AccessPolicy policy;

	private final java.time.Clock clock;

	AnswerSheet(Responses responses, Campaigns campaigns, Questionnaires questionnaires, StructureApi structures,
			AnswerRepository answers, AccessPolicy policy, java.time.Clock clock) {
		this.clock = clock;
		this.responses = responses;
		this.campaigns = campaigns;
		this.questionnaires = questionnaires;
		this.structures = structures;
		this.answers = answers;
		this.policy = policy;
	}

	/** Everything a page of one response needs, read once per request. */
	record Sheet(ResponseSummary response, Campaign campaign, Definition definition, Structure structure,
			boolean mayAnswer, Map<String, AnswerRepository.Stored> stored, Map<String, Object> values,
			AnswerRepository.Previous previous, Set<String> confirmed, java.time.LocalDate extendedUntil,
			java.time.Instant deadline, boolean pastDeadline) {

		/**
		 * Whether the caller may change it now: its structure's, not yet submitted, and
		 * before its deadline (unless it was returned for correction).
		 */
		boolean editable() {
			return this.mayAnswer && EDITABLE.contains(this.response.status()) && !closed();
		}

		/**
		 * Whether its deadline has passed for a response that would otherwise take
		 * answers: a response returned for correction stays open until submitted again.
		 */
		public boolean closed() {
			return this.pastDeadline && this.response.status() != ResponseStatus.RETURNED
					&& EDITABLE.contains(this.response.status());
		}

		/** The deadline as French readers write it, at the structure's own time. */
		public String deadlineText() {
			return Deadlines.text(this.deadline, this.structure.departementCode());
		}

		String kind() {
			return this.structure.kind().name();
		}

		/** The sections this structure's kind sees, in order. */
		List<Definition.Section> sections() {
			return this.definition.sections()
				.stream()
				.filter(section -> section.kinds().isEmpty() || section.kinds().contains(kind()))
				.toList();
		}

		boolean sees(Definition.Question question) {
			return question.kinds().isEmpty() || question.kinds().contains(kind());
		}

		/**
		 * The values as the pages show them: stored answers, and last year's proposals
		 * where none is stored yet. Skip logic follows what the person sees: a question
		 * that a proposal makes relevant is shown, so that confirming the section saves
		 * it too.
		 */
		Map<String, Object> shownValues() {
			Map<String, Object> shown = new HashMap<>(this.values);
			for (Definition.Section section : sections()) {
				for (Definition.Question question : section.questions()) {
					Object proposal = proposal(section, question);
					if (proposal != null) {
						shown.putIfAbsent(question.code(), proposal);
					}
				}
			}
			return shown;
		}

		/** The value the pages propose for a question, or null. */
		Object proposal(Definition.Section section, Definition.Question question) {
			if (!question.core() || question.calculate() != null || this.confirmed.contains(section.code())
					|| this.stored.containsKey(key(question.code(), 0))) {
				return null;
			}
			String previousValue = this.previous.values().get(question.code());
			return (previousValue != null) ? Answers.decode(question, previousValue) : null;
		}

	}

	static String key(String code, int item) {
		return code + "#" + item;
	}

	/**
	 * Opens a response the caller may read: 404 otherwise. Editable only for its
	 * structure's people, while its status allows it.
	 */
	Sheet open(long responseId) {
		ResponseSummary response = this.responses.find(responseId);
		Campaign campaign = this.campaigns.find(response.campaignId());
		Definition definition = this.questionnaires.definition(campaign.questionnaireVersionId()).orElseThrow();
		Structure structure = this.structures
			.find(response.structureId(), this.policy.scopeFor(Permission.READ_ANSWERS))
			.orElseThrow(() -> new NotFoundException("response.not-found"));
		boolean mayAnswer = this.policy.scopeFor(Permission.ANSWER_QUESTIONNAIRE)
			.covers(structure.regionCode(), structure.departementCode(), structure.id());
		Map<String, AnswerRepository.Stored> stored = new HashMap<>();
		Map<String, Object> values = new HashMap<>();
		for (AnswerRepository.Stored answer : this.answers.of(responseId)) {
			stored.put(key(answer.code(), answer.item()), answer);
			if (answer.item() == 0) {
				definition.question(answer.code())
					.ifPresent(question -> values.put(answer.code(), Answers.decode(question, answer.value())));
			}
		}
		java.time.LocalDate extendedUntil = this.answers.extensionOf(responseId).orElse(null);
		java.time.Instant deadline = Deadlines.deadline(campaign.closesOn(), extendedUntil,
				structure.departementCode());
		return new Sheet(response, campaign, definition, structure, mayAnswer, stored, values,
				this.answers.previousValidated(structure.id(), response.dataYear()),
				this.answers.confirmedSections(responseId), extendedUntil, deadline,
				this.clock.instant().isAfter(deadline));
	}

	/**
	 * Marks a section confirmed by its structure: what it proposed from last year has
	 * been saved as answers, and it proposes nothing more.
	 */
	void confirm(long responseId, String section) {
		this.answers.confirmSection(responseId, section, this.clock.instant(),
				this.policy.currentUser().map(fr.maillage.account.AccountPrincipal::id).orElse(null));
	}

	/** Progress of one section: answered questions among those shown. */
	public record SectionSummary(String code, String title, int answered, int shown, boolean confirmed) {

		public int percent() {
			return (this.shown == 0) ? 100 : (100 * this.answered) / this.shown;
		}

	}

	List<SectionSummary> summaries(Sheet sheet) {
		List<SectionSummary> summaries = new ArrayList<>();
		for (Definition.Section section : sheet.sections()) {
			int shown = 0;
			int answered = 0;
			for (Definition.Question question : section.questions()) {
				if (!sheet.sees(question) || question.calculate() != null
						|| !AnswerChecks.relevant(sheet.definition(), question, sheet.values())) {
					continue;
				}
				shown++;
				boolean hasValue = (question.type() == QuestionType.REPEAT)
						? sheet.stored().values().stream().anyMatch(stored -> isChild(question, stored.code()))
						: sheet.stored().containsKey(key(question.code(), 0));
				if (hasValue) {
					answered++;
				}
			}
			summaries.add(new SectionSummary(section.code(), section.title(), answered, shown,
					sheet.confirmed().contains(section.code())));
		}
		return summaries;
	}

	private static boolean isChild(Definition.Question repeat, String code) {
		return repeat.children().stream().anyMatch(child -> child.code().equals(code));
	}

	/**
	 * One field as a page shows it.
	 *
	 * @param name the form parameter of its value; {@code version} is posted as
	 * {@code v.<code>.<item>}
	 * @param value the value shown back the French way (or the proposal)
	 * @param selected the chosen codes, for choice questions
	 * @param proposedFrom the data year of the proposed value, or null when none
	 */
	public record Field(String code, int item, String name, String id, String type, String label, String help,
			boolean required, String unit, String value, Set<String> selected, int version, Integer proposedFrom,
			List<Definition.Choice> choices, boolean relevant, boolean computed) {

		/** The labels of the chosen choices, for reading (the printable view). */
		public String shownChoices() {
			return String.join(", ",
					this.choices.stream()
						.filter(choice -> this.selected.contains(choice.code()))
						.map(Definition.Choice::label)
						.toList());
		}

		/** Whether it is answered by ticking choices of a list. */
		public boolean choice() {
			return "SINGLE_CHOICE".equals(this.type) || "MULTIPLE_CHOICE".equals(this.type);
		}

		public String versionName() {
			return "v." + this.code + "." + this.item;
		}

		public String inputMode() {
			return switch (this.type) {
				case "INTEGER" -> "numeric";
				case "DECIMAL", "MONEY", "PERCENTAGE", "FTE" -> "decimal";
				default -> null;
			};
		}

	}

	/** A repeat group: its items, and one empty item to add to. */
	public record Repeat(String code, String label, String help, List<Item> items, boolean relevant) {
	}

	/** One item of a repeat group. */
	public record Item(int item, List<Field> fields) {
	}

	/** A line of a section: a field, or a repeat group. */
	public record Entry(Field field, Repeat repeat) {
	}

	/** One section's page. */
	public record SectionPage(String code, String title, String help, int number, int count, String previousCode,
			String nextCode, List<Entry> entries, boolean confirmed, boolean hasProposals) {
	}

	/** A section's page; 404 for a section the structure's kind does not see. */
	SectionPage section(Sheet sheet, String code, int extraItems) {
		List<Definition.Section> sections = sheet.sections();
		int index = -1;
		for (int i = 0; i < sections.size(); i++) {
			if (sections.get(i).code().equals(code)) {
				index = i;
			}
		}
		if (index < 0) {
			throw new NotFoundException("answer.section-not-found");
		}
		Definition.Section section = sections.get(index);
		Map<String, Object> shown = sheet.shownValues();
		Map<String, Object> totals = SubmissionChecks.withTotals(sheet.definition(), shown);
		List<Entry> entries = new ArrayList<>();
		boolean hasProposals = false;
		for (Definition.Question question : section.questions()) {
			if (!sheet.sees(question)) {
				continue;
			}
			boolean relevant = AnswerChecks.relevant(sheet.definition(), question, shown);
			if (question.type() == QuestionType.REPEAT) {
				entries.add(new Entry(null, repeat(sheet, question, relevant, extraItems)));
				continue;
			}
			Object proposal = sheet.proposal(section, question);
			hasProposals |= (proposal != null && relevant);
			entries.add(new Entry(field(sheet, question, 0, relevant, proposal, totals), null));
		}
		return new SectionPage(section.code(), section.title(), section.help(), index + 1, sections.size(),
				(index > 0) ? sections.get(index - 1).code() : null,
				(index + 1 < sections.size()) ? sections.get(index + 1).code() : null, entries,
				sheet.confirmed().contains(section.code()), hasProposals);
	}

	private Repeat repeat(Sheet sheet, Definition.Question repeat, boolean relevant, int extraItems) {
		Set<Integer> items = new TreeSet<>();
		for (AnswerRepository.Stored stored : sheet.stored().values()) {
			if (isChild(repeat, stored.code())) {
				items.add(stored.item());
			}
		}
		int next = items.isEmpty() ? 0 : items.stream().max(Integer::compare).orElseThrow() + 1;
		int limit = (repeat.maxItems() != null) ? repeat.maxItems() : 50;
		for (int extra = 0; extra <= extraItems && items.size() < limit; extra++) {
			items.add(next + extra);
		}
		List<Item> shown = new ArrayList<>();
		for (int item : items) {
			List<Field> fields = new ArrayList<>();
			for (Definition.Question child : repeat.children()) {
				if (sheet.sees(child)) {
					fields.add(field(sheet, child, item, relevant, null, Map.of()));
				}
			}
			shown.add(new Item(item, fields));
		}
		return new Repeat(repeat.code(), repeat.label(), repeat.help(), shown, relevant);
	}

	/** One field, with its stored value, else its proposal, else its computed total. */
	Field field(Sheet sheet, Definition.Question question, int item, boolean relevant, Object proposal,
			Map<String, Object> totals) {
		AnswerRepository.Stored stored = sheet.stored().get(key(question.code(), item));
		Object value;
		if (question.calculate() != null) {
			value = totals.get(question.code());
		}
		else if (stored != null) {
			value = Answers.decode(question, stored.value());
		}
		else {
			value = proposal;
		}
		List<Definition.Choice> choices = (question.choices() != null)
				? sheet.definition().choices().getOrDefault(question.choices(), List.of()) : List.of();
		Set<String> selected = switch (value) {
			case Set<?> codes -> Set.copyOf(codes.stream().map(Object::toString).toList());
			case String code when question.type().choice() -> Set.of(code);
			case Boolean yes -> Set.of(yes ? "oui" : "non");
			case null, default -> Set.of();
		};
		String shown = (value instanceof Set<?>) ? "" : AnswerInput.show(question, value);
		return new Field(question.code(), item, "f." + question.code() + "." + item,
				"q-" + question.code() + "-" + item, question.type().name(), question.label(), question.help(),
				question.required(), question.unit(), shown, selected, (stored != null) ? stored.version() : 0,
				(stored == null && proposal != null) ? sheet.previous().dataYear() : null, choices, relevant,
				question.calculate() != null);
	}

}
