/**
 * The small expression language of questionnaire definitions (see
 * {@code docs/questionnaire-format.md}, "Expressions"): skip logic, constraints,
 * calculations and cross-field rules.
 * <p>
 * Hand-written lexer and recursive-descent parser: the only names an expression can reach
 * are question codes, {@code .} and a fixed list of functions, so a definition can never
 * run Java code. Entry points: {@link fr.maillage.questionnaire.expression.Expressions}
 * and {@link fr.maillage.questionnaire.expression.Expression}.
 */
package fr.maillage.questionnaire.expression;
