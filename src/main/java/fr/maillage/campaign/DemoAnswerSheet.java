package fr.maillage.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.questionnaire.AnswerChecks;
import fr.maillage.questionnaire.Definition;
import fr.maillage.questionnaire.QuestionType;

/**
 * Generated answers as the answer pages would have stored them: only the questions the
 * structure's kind sees and its skip logic shows, never a computed total, repeat items
 * numbered from 0, values in their canonical text ({@link Answers#canonical}).
 */
final class DemoAnswerSheet {

	/** One stored answer, and the section it belongs to (among those the kind sees). */
	record Row(String code, int item, String value, int section) {
	}

	private record Entry(int section, Definition.Question question) {
	}

	private final Definition definition;

	/** By kind: the questions it answers (computed ones left out), in file order. */
	private final Map<String, List<Entry>> questions = new HashMap<>();

	DemoAnswerSheet(Definition definition) {
		this.definition = definition;
		for (String kind : List.of("CS", "EVS")) {
			List<Entry> entries = new ArrayList<>();
			int index = 0;
			for (Definition.Section section : definition.sections()) {
				if (!section.kinds().isEmpty() && !section.kinds().contains(kind)) {
					continue;
				}
				for (Definition.Question question : section.questions()) {
					if ((question.kinds().isEmpty() || question.kinds().contains(kind))
							&& question.calculate() == null) {
						entries.add(new Entry(index, question));
					}
				}
				index++;
			}
			this.questions.put(kind, entries);
		}
	}

	/** How many sections a structure of {@code kind} answers. */
	int sections(String kind) {
		return this.questions.get(kind).stream().mapToInt(Entry::section).max().orElse(-1) + 1;
	}

	/**
	 * The values outside repeat groups that a structure of {@code kind} stores: the
	 * generated ones, less those its kind does not see or skip logic hides.
	 */
	Map<String, Object> values(String kind, DemoAnswers.Year year) {
		Map<String, Object> kept = new HashMap<>();
		for (Entry entry : this.questions.get(kind)) {
			Object value = year.values().get(entry.question().code());
			if (value != null && entry.question().type() != QuestionType.REPEAT) {
				kept.put(entry.question().code(), value);
			}
		}
		// A hidden question may hide others: settle, as many rounds as needed.
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Entry entry : this.questions.get(kind)) {
				Definition.Question question = entry.question();
				if (question.relevant() != null && kept.containsKey(question.code())
						&& !AnswerChecks.relevant(this.definition, question, kept)) {
					kept.remove(question.code());
					changed = true;
				}
			}
		}
		return kept;
	}

	/** The rows of the first {@code sections} sections of a structure of {@code kind}. */
	List<Row> rows(String kind, DemoAnswers.Year year, int sections) {
		Map<String, Object> values = values(kind, year);
		List<Row> rows = new ArrayList<>();
		for (Entry entry : this.questions.get(kind)) {
			if (entry.section() >= sections) {
				break;
			}
			Definition.Question question = entry.question();
			if (question.type() != QuestionType.REPEAT) {
				if (values.containsKey(question.code())) {
					rows.add(new Row(question.code(), 0, Answers.canonical(values.get(question.code())),
							entry.section()));
				}
				continue;
			}
			if (!AnswerChecks.relevant(this.definition, question, values)) {
				continue;
			}
			List<Map<String, Object>> items = year.repeats().getOrDefault(question.code(), List.of());
			int max = (question.maxItems() != null) ? question.maxItems() : items.size();
			for (int item = 0; item < Math.min(items.size(), max); item++) {
				for (Definition.Question child : question.children()) {
					Object value = items.get(item).get(child.code());
					if (value != null && child.calculate() == null
							&& (child.kinds().isEmpty() || child.kinds().contains(kind))) {
						rows.add(new Row(child.code(), item, Answers.canonical(value), entry.section()));
					}
				}
			}
		}
		return rows;
	}

}
