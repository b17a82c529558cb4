package fr.maillage.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.questionnaire.DefinitionError.Part;

/**
 * Checks what a definition means, beyond its shape: codes (format, uniqueness), choice
 * lists, bounds, repeat groups, kinds, and — against the family's published versions —
 * that no core code changes its type or unit (years must stay comparable). Expressions
 * are checked by {@link ExpressionChecks}.
 */
final class DefinitionChecks {

	static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	private final List<DefinitionError> errors = new ArrayList<>();

	List<DefinitionError> check(Definition definition, List<Definition> published) {
		code(definition.family(), Part.HEADER, 1, "du questionnaire");
		Set<String> sectionCodes = new HashSet<>();
		for (Definition.Section section : definition.sections()) {
			code(section.code(), Part.SECTIONS, section.line(), "de section");
			if (!sectionCodes.add(section.code())) {
				error(Part.SECTIONS, section.line(), "code", "la section « " + section.code() + " » existe déjà.");
			}
		}
		definition.choices().forEach((name, choices) -> {
			code(name, Part.CHOICES, 0, "de liste de choix");
			Set<String> seen = new HashSet<>();
			for (Definition.Choice choice : choices) {
				if (choice.code() != null && !seen.add(choice.code())) {
					error(Part.CHOICES, 0, "code",
							"le choix « " + choice.code() + " » figure deux fois dans la liste « " + name + " ».");
				}
			}
			if (choices.isEmpty()) {
				error(Part.CHOICES, 0, "choices", "la liste de choix « " + name + " » est vide.");
			}
		});
		Map<String, Definition.Question> questions = new HashMap<>();
		for (Definition.Section section : definition.sections()) {
			for (Definition.Question question : section.questions()) {
				question(question, section, sectionCodes, questions, definition);
				for (Definition.Question child : question.children()) {
					question(child, section, sectionCodes, questions, definition);
				}
				if (question.type() == QuestionType.REPEAT) {
					if (question.children().isEmpty()) {
						error(Part.SECTIONS, question.line(), "questions",
								"le groupe répété « " + question.code() + " » n’a pas de questions.");
					}
					if (question.maxItems() != null && question.maxItems() < 1) {
						error(Part.SECTIONS, question.line(), "max_items", "« max_items » doit être au moins 1.");
					}
				}
			}
		}
		Set<String> rules = new HashSet<>();
		for (Definition.Rule rule : definition.rules()) {
			code(rule.code(), Part.RULES, rule.line(), "de règle");
			if (rule.code() != null && !rules.add(rule.code())) {
				error(Part.RULES, rule.line(), "code", "la règle « " + rule.code() + " » existe déjà.");
			}
		}
		for (Definition other : published) {
			if (other.family().equals(definition.family()) && other.version().equals(definition.version())) {
				error(Part.HEADER, 1, "version",
						"la version « " + definition.version() + " » de ce questionnaire est déjà publiée : "
								+ "une version publiée ne change plus, donnez un autre numéro de version.");
			}
			compatible(definition, other);
		}
		return List.copyOf(this.errors);
	}

	private void question(Definition.Question question, Definition.Section section, Set<String> sectionCodes,
			Map<String, Definition.Question> questions, Definition definition) {
		int line = question.line();
		code(question.code(), Part.SECTIONS, line, "de question");
		if (question.code() != null) {
			if (questions.putIfAbsent(question.code(), question) != null) {
				error(line, "code", "la question « " + question.code() + " » existe déjà.");
			}
			if (sectionCodes.contains(question.code())) {
				error(line, "code", "« " + question.code() + " » est déjà le code d’une section.");
			}
		}
		QuestionType type = question.type();
		if (type == null) {
			return;
		}
		if (type.choice()) {
			if (question.choices() == null) {
				error(line, "choices",
						"la question à choix « " + question.code() + " » doit nommer sa liste (« choices »).");
			}
			else if (!definition.choices().containsKey(question.choices())) {
				error(line, "choices", "liste de choix « " + question.choices() + " » inconnue.");
			}
		}
		else if (question.choices() != null) {
			error(line, "choices", "seule une question à choix a une liste de choix.");
		}
		if (!type.numeric() && (question.min() != null || question.max() != null)) {
			error(line, "min", "seule une question numérique a un minimum ou un maximum.");
		}
		if (question.min() != null && question.max() != null && question.min().compareTo(question.max()) > 0) {
			error(line, "min", "le minimum dépasse le maximum.");
		}
		if (type == QuestionType.PERCENTAGE && ((question.min() != null && question.min().signum() < 0)
				|| (question.max() != null && question.max().compareTo(BigDecimal.valueOf(100)) > 0))) {
			error(line, "min", "un pourcentage est compris entre 0 et 100.");
		}
		if (question.calculate() != null && !type.numeric()) {
			error(line, "calculate", "seule une question numérique peut être calculée.");
		}
		if (question.calculate() != null && question.required()) {
			error(line, "required", "une question calculée ne se saisit pas : elle ne peut pas être obligatoire.");
		}
		if (question.warning() != null && !type.numeric()) {
			error(line, "warning", "seule une question numérique a un seuil d’alerte.");
		}
		if (question.core() && question.block() != null) {
			error(line, "core", "une question d’un bloc thématique ne fait pas partie du cœur (core: false).");
		}
		if (!section.kinds().isEmpty() && !section.kinds().containsAll(question.kinds())) {
			error(line, "kinds", "la question vise un type de structure que sa section ne vise pas.");
		}
	}

	/** An existing core code keeps its type and unit, so that years compare. */
	private void compatible(Definition definition, Definition other) {
		for (Definition.Question before : other.allQuestions()) {
			if (!before.core()) {
				continue;
			}
			definition.question(before.code()).ifPresent(after -> {
				if (after.type() != before.type() || !Objects.equals(after.unit(), before.unit())) {
					error(after.line(), "type",
							"la question du cœur « " + before.code() + " » était de type " + before.type().fileName()
									+ unit(before) + " dans la version « " + other.version()
									+ " » : elle ne peut pas changer de type ni d’unité (créez un nouveau code).");
				}
			});
		}
	}

	private static String unit(Definition.Question question) {
		return (question.unit() != null) ? " (" + question.unit() + ")" : "";
	}

	private void code(String code, Part part, int line, String what) {
		if (code != null && !CODE.matcher(code).matches()) {
			error(part, line, (part == Part.CHOICES) ? "choices" : "code", "code " + what + " « " + code
					+ " » invalide : lettres minuscules sans accents, chiffres et _, commençant par une lettre, 40 caractères au plus.");
		}
	}

	/** A problem of a question or section, at its line. */
	private void error(int line, String field, String message) {
		error(Part.SECTIONS, line, field, message);
	}

	private void error(Part part, int line, String field, String message) {
		this.errors.add(new DefinitionError(part, line, field, message));
	}

}
