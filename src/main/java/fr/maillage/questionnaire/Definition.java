package fr.maillage.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A questionnaire definition as read from its file.
 *
 * @param family the questionnaire's family code; versions share it
 * @param version this version's label, unique in its family
 * @param choices named choice lists
 * @param index every question in order and by code, derived from the sections: the
 * canonical constructor builds it whatever it is given
 */
public record Definition(int format, String family, String version, String title, Map<String, List<Choice>> choices,
		List<Section> sections, List<Rule> rules, Index index) {

	public Definition {
		// The lists keep their file order: a definition written back (YAML, workbook)
		// shows them as they were.
		Map<String, List<Choice>> ordered = new LinkedHashMap<>();
		choices.forEach((name, list) -> ordered.put(name, List.copyOf(list)));
		choices = Collections.unmodifiableMap(ordered);
		sections = List.copyOf(sections);
		rules = List.copyOf(rules);
		index = Index.of(sections);
	}

	public Definition(int format, String family, String version, String title, Map<String, List<Choice>> choices,
			List<Section> sections, List<Rule> rules) {
		this(format, family, version, title, choices, sections, rules, null);
	}

	/**
	 * The same definition with every line set to 0: what two readings of one
	 * questionnaire (a YAML file, a workbook) have in common.
	 */
	Definition withoutLines() {
		return new Definition(this.format, this.family, this.version, this.title, this.choices,
				this.sections.stream()
					.map(section -> new Section(section.code(), section.title(), section.help(), section.kinds(),
							section.block(), section.questions().stream().map(Definition::withoutLines).toList(), 0))
					.toList(),
				this.rules.stream()
					.map(rule -> new Rule(rule.code(), rule.rule(), rule.message(), rule.severity(), rule.relevant(),
							0))
					.toList());
	}

	private static Question withoutLines(Question question) {
		return new Question(question.code(), question.type(), question.label(), question.help(), question.required(),
				question.min(), question.max(), question.unit(), question.kinds(), question.relevant(),
				question.constraints()
					.stream()
					.map(constraint -> new Constraint(constraint.rule(), constraint.message(), 0))
					.toList(),
				question.calculate(), question.warning(), question.core(), question.block(), question.choices(),
				question.maxItems(), question.children().stream().map(Definition::withoutLines).toList(), 0);
	}

	/** Every question, repeat children included, in file order. */
	public List<Question> allQuestions() {
		return this.index.all();
	}

	public Optional<Question> question(String code) {
		return Optional.ofNullable(this.index.byCode().get(code));
	}

	/**
	 * Every question, repeat children included, in file order and by code (the first of a
	 * code, should a definition being checked repeat one). Built once per definition:
	 * pages, saves and figures look questions up by code for each answer, and a
	 * definition has about 120 of them.
	 */
	public record Index(List<Question> all, Map<String, Question> byCode) {

		static Index of(List<Section> sections) {
			List<Question> all = new ArrayList<>();
			for (Section section : sections) {
				for (Question question : section.questions()) {
					all.add(question);
					all.addAll(question.children());
				}
			}
			Map<String, Question> byCode = new java.util.HashMap<>();
			all.forEach(question -> byCode.putIfAbsent(question.code(), question));
			return new Index(List.copyOf(all), Collections.unmodifiableMap(byCode));
		}

	}

	/** A section: a page of the answer form. */
	public record Section(String code, String title, String help, Set<String> kinds, String block,
			List<Question> questions, int line) {

		public Section {
			kinds = Set.copyOf(kinds);
			questions = List.copyOf(questions);
		}

	}

	/**
	 * A question.
	 *
	 * @param kinds the structure kinds (CS, EVS) that see it
	 * @param core whether it belongs to the comparable core (false: a thematic block)
	 * @param choices the name of its choice list, for choice questions
	 * @param children the questions of one item, for a repeat group
	 * @param line its line in the file
	 */
	public record Question(String code, QuestionType type, String label, String help, boolean required, BigDecimal min,
			BigDecimal max, String unit, Set<String> kinds, String relevant, List<Constraint> constraints,
			String calculate, Warning warning, boolean core, String block, String choices, Integer maxItems,
			List<Question> children, int line) {

		public Question {
			kinds = Set.copyOf(kinds);
			constraints = List.copyOf(constraints);
			children = List.copyOf(children);
		}

	}

	/** A constraint on one value ({@code .}), with its French message. */
	public record Constraint(String rule, String message, int line) {
	}

	/**
	 * When a value deserves a justification.
	 *
	 * @param deviation relative distance from last year's value (0.5 = ±50 %), or null
	 * @param percentile whether to compare with the département's 5th–95th percentiles
	 */
	public record Warning(BigDecimal deviation, boolean percentile) {
	}

	/** A choice of a list. */
	public record Choice(String code, String label) {
	}

	/** A rule across questions, checked at submission. */
	public record Rule(String code, String rule, String message, Severity severity, String relevant, int line) {
	}

	public enum Severity {

		/** Blocks submission. */
		ERROR,
		/** Asks for a justification. */
		WARNING

	}

}
