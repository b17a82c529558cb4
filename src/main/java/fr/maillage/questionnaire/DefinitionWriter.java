package fr.maillage.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a {@link Definition} as a YAML file of the documented format: what is published
 * for a definition uploaded as a workbook, so that every published version is one
 * readable, diffable text that {@link DefinitionReader} reads back into the same
 * definition. Keys follow the documentation's order; values equal to their default are
 * left out; SnakeYAML quotes what needs quoting.
 */
final class DefinitionWriter {

	private static final List<String> KIND_ORDER = List.of("CS", "EVS");

	private DefinitionWriter() {
	}

	static String write(Definition definition) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setAllowUnicode(true);
		options.setSplitLines(false);
		options.setWidth(Integer.MAX_VALUE);
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("format", definition.format());
		file.put("code", definition.family());
		file.put("version", definition.version());
		file.put("title", definition.title());
		if (!definition.choices().isEmpty()) {
			Map<String, Object> lists = new LinkedHashMap<>();
			definition.choices()
				.forEach((name, choices) -> lists.put(name,
						choices.stream()
							.map(choice -> new Flow(pair("code", choice.code(), "label", choice.label())))
							.toList()));
			file.put("choices", lists);
		}
		file.put("sections", definition.sections().stream().map(DefinitionWriter::section).toList());
		if (!definition.rules().isEmpty()) {
			file.put("rules", definition.rules().stream().map(DefinitionWriter::rule).toList());
		}
		return "# Written by Maillage from a workbook. Format: docs/questionnaire-format.md.\n"
				+ new Yaml(new FlowAwareRepresenter(options), options).dump(file);
	}

	private static Map<String, Object> section(Definition.Section section) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("code", section.code());
		map.put("title", section.title());
		putIfPresent(map, "help", section.help());
		putKinds(map, section.kinds());
		putIfPresent(map, "block", section.block());
		map.put("questions",
				section.questions().stream().map(question -> question(question, section.block())).toList());
		return map;
	}

	/**
	 * A question; {@code inheritedBlock} is what its block would be if it named none (its
	 * section's, or its repeat group's).
	 */
	private static Map<String, Object> question(Definition.Question question, String inheritedBlock) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("code", question.code());
		map.put("type", question.type().fileName());
		map.put("label", question.label());
		putIfPresent(map, "help", question.help());
		if (question.required()) {
			map.put("required", true);
		}
		putIfPresent(map, "min", question.min());
		putIfPresent(map, "max", question.max());
		putIfPresent(map, "unit", question.unit());
		putKinds(map, question.kinds());
		putIfPresent(map, "relevant", question.relevant());
		if (!question.constraints().isEmpty()) {
			map.put("constraints",
					question.constraints()
						.stream()
						.map(constraint -> pair("rule", constraint.rule(), "message", constraint.message()))
						.toList());
		}
		putIfPresent(map, "calculate", question.calculate());
		if (question.warning() != null) {
			Map<String, Object> warning = new LinkedHashMap<>();
			putIfPresent(warning, "deviation", question.warning().deviation());
			if (question.warning().percentile()) {
				warning.put("percentile", true);
			}
			map.put("warning", new Flow(warning));
		}
		if (question.core() != (question.block() == null)) {
			map.put("core", question.core());
		}
		if (question.block() != null && !question.block().equals(inheritedBlock)) {
			map.put("block", question.block());
		}
		putIfPresent(map, "choices", question.choices());
		putIfPresent(map, "max_items", question.maxItems());
		if (question.type() == QuestionType.REPEAT) {
			map.put("questions", question.children().stream().map(child -> question(child, question.block())).toList());
		}
		return map;
	}

	private static Map<String, Object> rule(Definition.Rule rule) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("code", rule.code());
		map.put("rule", rule.rule());
		map.put("message", rule.message());
		map.put("severity", rule.severity().name().toLowerCase(Locale.ROOT));
		putIfPresent(map, "relevant", rule.relevant());
		return map;
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static void putKinds(Map<String, Object> map, Set<String> kinds) {
		if (!kinds.isEmpty()) {
			map.put("kinds", new Flow(new ArrayList<>(KIND_ORDER.stream().filter(kinds::contains).toList())));
		}
	}

	private static Map<String, Object> pair(String key, Object value, String otherKey, Object otherValue) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(key, value);
		map.put(otherKey, otherValue);
		return map;
	}

	/** A list or mapping written on one line, as the documentation writes choices. */
	private record Flow(Object value) {
	}

	/**
	 * Writes numbers as they are (never a Java tag, never a rounded double) and
	 * {@link Flow} values in flow style.
	 */
	private static final class FlowAwareRepresenter extends Representer {

		FlowAwareRepresenter(DumperOptions options) {
			super(options);
			this.representers.put(BigDecimal.class, data -> {
				String text = ((BigDecimal) data).toPlainString();
				return representScalar(text.contains(".") ? Tag.FLOAT : Tag.INT, text);
			});
			this.representers.put(Flow.class, data -> {
				Object value = ((Flow) data).value();
				return (value instanceof Map<?, ?> map) ? representMapping(Tag.MAP, map, DumperOptions.FlowStyle.FLOW)
						: representSequence(Tag.SEQ, (List<?>) value, DumperOptions.FlowStyle.FLOW);
			});
		}

	}

}
