package fr.maillage.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.questionnaire.expression.Expression;
import fr.maillage.questionnaire.expression.Expressions;
import fr.maillage.questionnaire.expression.Values;

/**
 * Computed totals of a questionnaire ({@code calculate:} in the definition: "Total des
 * financements de la Caf", "Nombre total de bénévoles"…) for readers of stored answers in
 * bulk, such as the observatory. Totals are shown to the structure but never stored: this
 * says which stored codes (and which repeat groups' item counts) some codes need, and
 * computes the totals from them with the definition's own expressions, parsed once.
 */
public final class ComputedTotals {

	/** Computed codes in an order where each comes after those it uses. */
	private final Map<String, Expression> computed = new LinkedHashMap<>();

	private final Set<String> storedCodes = new LinkedHashSet<>();

	private final Map<String, List<String>> repeats = new LinkedHashMap<>();

	private final Map<String, QuestionType> types = new HashMap<>();

	/**
	 * @param codes the codes a reader needs, stored or computed
	 */
	public ComputedTotals(Definition definition, Set<String> codes) {
		for (Definition.Question question : definition.allQuestions()) {
			this.types.put(question.code(), question.type());
		}
		for (String code : codes) {
			add(definition, code, new LinkedHashSet<>());
		}
	}

	private void add(Definition definition, String code, Set<String> path) {
		if (this.computed.containsKey(code) || this.storedCodes.contains(code) || this.repeats.containsKey(code)
				|| !path.add(code)) {
			return;
		}
		Definition.Question question = definition.question(code).orElse(null);
		if (question == null) {
			return;
		}
		if (question.type() == QuestionType.REPEAT) {
			this.repeats.put(code, question.children().stream().map(Definition.Question::code).toList());
			return;
		}
		if (question.calculate() == null) {
			this.storedCodes.add(code);
			return;
		}
		Expression expression = Expressions.parse(question.calculate());
		for (String reference : expression.references()) {
			add(definition, reference, path);
		}
		this.computed.put(code, expression);
	}

	/** The stored codes to read: those the indicators read and those totals use. */
	public Set<String> storedCodes() {
		return this.storedCodes;
	}

	/** Repeat groups counted by a total, with the codes of their items' questions. */
	public Map<String, List<String>> repeats() {
		return this.repeats;
	}

	/**
	 * Adds the totals to one validated response's stored answers (canonical text by code)
	 * and its repeat groups' item counts.
	 */
	public Map<String, String> complete(Map<String, String> stored, Map<String, Integer> repeatCounts) {
		if (this.computed.isEmpty()) {
			return stored;
		}
		Map<String, Object> values = new HashMap<>();
		stored.forEach((code, text) -> values.put(code, decode(code, text)));
		repeatCounts.forEach((code, count) -> values.put(code, BigDecimal.valueOf(count)));
		for (String code : this.repeats.keySet()) {
			values.putIfAbsent(code, BigDecimal.ZERO);
		}
		Map<String, String> completed = new HashMap<>(stored);
		Values answers = Values.of(values);
		for (Map.Entry<String, Expression> total : this.computed.entrySet()) {
			Object value = total.getValue().evaluate(answers);
			values.put(total.getKey(), value);
			if (value instanceof BigDecimal number) {
				completed.put(total.getKey(), number.stripTrailingZeros().toPlainString());
			}
		}
		return completed;
	}

	private Object decode(String code, String text) {
		QuestionType type = this.types.get(code);
		if (type == null) {
			return text;
		}
		return switch (type) {
			case INTEGER, DECIMAL, MONEY, PERCENTAGE, FTE -> {
				try {
					yield new BigDecimal(text);
				}
				catch (NumberFormatException ex) {
					yield null;
				}
			}
			case YES_NO -> Boolean.valueOf(text);
			default -> text;
		};
	}

	@Override
	public String toString() {
		return "ComputedTotals" + new ArrayList<>(this.computed.keySet());
	}

}
