package fr.maillage.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.questionnaire.expression.Expressions;
import fr.maillage.questionnaire.expression.Values;

/**
 * The checks of one answered field against the others: a value for a question that is not
 * relevant (its skip logic hides it) is refused, and each constraint gives its own French
 * message. Required questions are checked at submission, not field by field: a person may
 * leave a field and come back.
 */
public final class AnswerChecks {

	private AnswerChecks() {
	}

	/**
	 * The problems of {@code value} for {@code question}, given the other answers (code →
	 * value); empty if it may be saved.
	 */
	public static List<String> field(Definition definition, Definition.Question question, Object value,
			Map<String, Object> answers) {
		List<String> problems = new ArrayList<>();
		if (value == null) {
			return problems;
		}
		if (!relevant(definition, question, answers)) {
			problems.add("answer.error.not-relevant");
			return problems;
		}
		if (question.constraints().isEmpty()) {
			return problems;
		}
		// A constraint may compare with a computed total (benevoles_formes with
		// benevoles_total): compute the totals, with this value in place of the stored
		// one.
		Map<String, Object> withValue = new HashMap<>(answers);
		if (outsideRepeats(definition, question)) {
			withValue.put(question.code(), value);
		}
		Values values = values(definition, SubmissionChecks.withTotals(definition, withValue)).withCurrentValue(value);
		for (Definition.Constraint constraint : question.constraints()) {
			if (!Expressions.parseConstraint(constraint.rule()).isTrue(values)) {
				problems.add(constraint.message());
			}
		}
		return problems;
	}

	private static boolean outsideRepeats(Definition definition, Definition.Question question) {
		for (Definition.Section section : definition.sections()) {
			for (Definition.Question candidate : section.questions()) {
				if (candidate == question) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether the question is shown, given the answers (no condition: always). */
	public static boolean relevant(Definition definition, Definition.Question question, Map<String, Object> answers) {
		return question.relevant() == null
				|| Expressions.parse(question.relevant()).isTrue(values(definition, answers));
	}

	private static Values values(Definition definition, Map<String, Object> answers) {
		Map<String, String> repeatOf = new HashMap<>();
		for (Definition.Section section : definition.sections()) {
			for (Definition.Question question : section.questions()) {
				question.children().forEach(child -> repeatOf.put(child.code(), question.code()));
			}
		}
		return Values.of(answers, repeatOf::get);
	}

}
