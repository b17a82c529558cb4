package fr.maillage.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.questionnaire.DefinitionError.Part;
import fr.maillage.questionnaire.expression.Expression;
import fr.maillage.questionnaire.expression.ExpressionException;
import fr.maillage.questionnaire.expression.Expressions;
import fr.maillage.questionnaire.expression.TypeEnvironment;
import fr.maillage.questionnaire.expression.ValueType;

/**
 * Checks the expressions of a definition (skip logic, constraints, totals, rules): that
 * they parse in the questionnaire language, name only known codes, have the right types,
 * and that totals and skip logic form no cycle. Each problem is reported at the line of
 * its question, constraint or rule.
 */
final class ExpressionChecks {

	private final List<DefinitionError> errors = new ArrayList<>();

	List<DefinitionError> check(Definition definition) {
		Map<String, ValueType> types = new HashMap<>();
		Map<String, String> repeatOf = new HashMap<>();
		for (Definition.Section section : definition.sections()) {
			for (Definition.Question question : section.questions()) {
				types.put(question.code(), valueType(question.type()));
				for (Definition.Question child : question.children()) {
					types.put(child.code(), valueType(child.type()));
					repeatOf.put(child.code(), question.code());
				}
			}
		}
		TypeEnvironment outside = TypeEnvironment.of(types::get, repeatOf::get);
		Map<String, Set<String>> dependencies = new LinkedHashMap<>();
		for (Definition.Question question : definition.allQuestions()) {
			String repeat = repeatOf.get(question.code());
			TypeEnvironment environment = (repeat != null) ? outside.inRepeat(repeat) : outside;
			Set<String> uses = new LinkedHashSet<>();
			if (question.relevant() != null) {
				expression(question.relevant(), false, environment, ValueType.BOOLEAN, Part.SECTIONS, question.line(),
						"relevant", "la condition d’affichage de « " + question.code() + " »", uses);
			}
			if (question.calculate() != null) {
				expression(question.calculate(), false, environment, ValueType.NUMBER, Part.SECTIONS, question.line(),
						"calculate", "le calcul de « " + question.code() + " »", uses);
			}
			for (Definition.Constraint constraint : question.constraints()) {
				expression(constraint.rule(), true, environment.withCurrentValue(types.get(question.code())),
						ValueType.BOOLEAN, Part.SECTIONS, constraint.line(), "constraints",
						"une contrainte de « " + question.code() + " »", new LinkedHashSet<>());
			}
			dependencies.put(question.code(), uses);
		}
		for (Definition.Rule rule : definition.rules()) {
			expression(rule.rule(), false, outside, ValueType.BOOLEAN, Part.RULES, rule.line(), "rule",
					"la règle « " + rule.code() + " »", new LinkedHashSet<>());
			if (rule.relevant() != null) {
				expression(rule.relevant(), false, outside, ValueType.BOOLEAN, Part.RULES, rule.line(), "relevant",
						"la condition de la règle « " + rule.code() + " »", new LinkedHashSet<>());
			}
		}
		List<String> cycle = Expressions.findCycle(dependencies);
		if (!cycle.isEmpty()) {
			int line = definition.question(cycle.getFirst()).map(Definition.Question::line).orElse(0);
			this.errors.add(new DefinitionError(Part.SECTIONS, line, null,
					"les calculs et conditions d’affichage forment un cycle : " + String.join(" → ", cycle) + "."));
		}
		return List.copyOf(this.errors);
	}

	private void expression(String source, boolean constraint, TypeEnvironment environment, ValueType expected,
			Part part, int line, String field, String where, Set<String> uses) {
		try {
			Expression expression = constraint ? Expressions.parseConstraint(source) : Expressions.parse(source);
			expression.check(environment, expected);
			uses.addAll(expression.references());
		}
		catch (ExpressionException ex) {
			this.errors.add(new DefinitionError(part, line, field, where + " : " + ex.getMessage()));
		}
	}

	static ValueType valueType(QuestionType type) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case INTEGER, DECIMAL, MONEY, PERCENTAGE, FTE -> ValueType.NUMBER;
			case YES_NO -> ValueType.BOOLEAN;
			case SINGLE_CHOICE, SHORT_TEXT, LONG_TEXT -> ValueType.TEXT;
			case MULTIPLE_CHOICE -> ValueType.CHOICES;
			case DATE -> ValueType.DATE;
			case REPEAT -> ValueType.REPEAT;
		};
	}

}
