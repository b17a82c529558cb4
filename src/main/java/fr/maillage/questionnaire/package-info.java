/**
 * The observatory's questionnaires: versioned definitions as data (a YAML format,
 * {@code docs/questionnaire-format.md}), checked when loaded, immutable once published,
 * and public through the API. Expressions (skip logic, constraints, totals, rules) use a
 * small language of their own ({@code expression}), never anything that reaches Java.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Questionnaire")
package fr.maillage.questionnaire;
