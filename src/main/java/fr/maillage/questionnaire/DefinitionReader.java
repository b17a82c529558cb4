package fr.maillage.questionnaire;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a definition file into a {@link Definition}, reporting every problem of shape
 * with its line, in French. It composes the YAML into nodes (never objects: no type tags,
 * no aliases beyond a few), so an uploaded file cannot make it build anything. The
 * meaning (codes, expressions, versions) is checked by {@link DefinitionChecks}.
 */
final class DefinitionReader {

	static final int MAX_LENGTH = 1_000_000;

	private final List<DefinitionError> errors = new ArrayList<>();

	/** The definition read, or null; {@link #errors()} says why. */
	Definition read(String source) {
		if (source.length() > MAX_LENGTH) {
			this.errors.add(new DefinitionError(0, "le fichier dépasse " + MAX_LENGTH / 1000 + " ko."));
			return null;
		}
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(5);
			options.setAllowDuplicateKeys(false);
			options.setCodePointLimit(MAX_LENGTH);
			root = new Yaml(new SafeConstructor(options)).compose(new StringReader(source));
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			this.errors
				.add(new DefinitionError(line, "le fichier n’est pas un YAML valide (" + ex.getProblem() + ")."));
			return null;
		}
		catch (YAMLException ex) {
			this.errors.add(new DefinitionError(0, "le fichier n’est pas un YAML valide (" + ex.getMessage() + ")."));
			return null;
		}
		if (!(root instanceof MappingNode)) {
			this.errors
				.add(new DefinitionError(1, "le fichier doit décrire un questionnaire (format, code, sections…)."));
			return null;
		}
		Fields top = new Fields(root, Set.of("format", "code", "version", "title", "choices", "sections", "rules"));
		int format = top.integer("format", true, 1);
		if (format != 1) {
			this.errors.add(new DefinitionError(top.line("format"),
					"format " + format + " inconnu : seul le format 1 existe."));
		}
		String family = top.text("code", true);
		String version = top.text("version", true);
		String title = top.text("title", true);
		Map<String, List<Definition.Choice>> choices = new LinkedHashMap<>();
		Node choicesNode = top.node("choices");
		if (choicesNode instanceof MappingNode lists) {
			for (NodeTuple tuple : lists.getValue()) {
				String name = scalar(tuple.getKeyNode());
				List<Definition.Choice> list = new ArrayList<>();
				for (Node item : sequence(tuple.getValueNode(), "la liste de choix « " + name + " »")) {
					Fields choice = new Fields(item, Set.of("code", "label"));
					list.add(new Definition.Choice(choice.text("code", true), choice.text("label", true)));
				}
				choices.put(name, list);
			}
		}
		else if (choicesNode != null) {
			error(choicesNode, "« choices » doit associer un nom à chaque liste de choix.");
		}
		List<Definition.Section> sections = new ArrayList<>();
		for (Node item : sequence(top.node("sections"), "« sections »")) {
			sections.add(section(item));
		}
		if (top.node("sections") == null) {
			this.errors.add(new DefinitionError(1, "il manque la liste « sections »."));
		}
		List<Definition.Rule> rules = new ArrayList<>();
		for (Node item : sequence(top.node("rules"), "« rules »")) {
			Fields rule = new Fields(item, Set.of("code", "rule", "message", "severity", "relevant"));
			String severity = rule.text("severity", false);
			Definition.Severity level = Definition.Severity.ERROR;
			if ("warning".equals(severity)) {
				level = Definition.Severity.WARNING;
			}
			else if (severity != null && !severity.equals("error")) {
				error(rule.nodeOf("severity"), "« severity » vaut error ou warning, pas « " + severity + " ».");
			}
			rules.add(new Definition.Rule(rule.text("code", true), rule.text("rule", true), rule.text("message", true),
					level, rule.text("relevant", false), rule.line()));
		}
		return this.errors.isEmpty() ? new Definition(format, family, version, title, choices, sections, rules) : null;
	}

	List<DefinitionError> errors() {
		return List.copyOf(this.errors);
	}

	private Definition.Section section(Node node) {
		Fields section = new Fields(node, Set.of("code", "title", "help", "kinds", "block", "questions"));
		String block = section.text("block", false);
		List<Definition.Question> questions = new ArrayList<>();
		for (Node item : sequence(section.node("questions"), "« questions »")) {
			questions.add(question(item, block, false));
		}
		if (section.node("questions") == null) {
			error(node, "la section n’a pas de questions.");
		}
		return new Definition.Section(section.text("code", true), section.text("title", true),
				section.text("help", false), kinds(section), block, questions, section.line());
	}

	private Definition.Question question(Node node, String block, boolean inRepeat) {
		Fields question = new Fields(node,
				Set.of("code", "type", "label", "help", "required", "min", "max", "unit", "kinds", "relevant",
						"constraints", "calculate", "warning", "core", "block", "choices", "max_items", "questions"));
		String typeName = question.text("type", true);
		QuestionType type = (typeName != null) ? QuestionType.fromFile(typeName).orElse(null) : null;
		if (typeName != null && type == null) {
			error(question.nodeOf("type"), "type « " + typeName + " » inconnu.");
		}
		String ownBlock = question.text("block", false);
		String effectiveBlock = (ownBlock != null) ? ownBlock : block;
		boolean core = question.bool("core", effectiveBlock == null);
		List<Definition.Constraint> constraints = new ArrayList<>();
		for (Node item : sequence(question.node("constraints"), "« constraints »")) {
			Fields constraint = new Fields(item, Set.of("rule", "message"));
			constraints.add(new Definition.Constraint(constraint.text("rule", true), constraint.text("message", true),
					constraint.line()));
		}
		Definition.Warning warning = null;
		if (question.node("warning") != null) {
			Fields fields = new Fields(question.node("warning"), Set.of("deviation", "percentile"));
			warning = new Definition.Warning(fields.decimal("deviation"), fields.bool("percentile", false));
		}
		List<Definition.Question> children = new ArrayList<>();
		if (type == QuestionType.REPEAT) {
			if (inRepeat) {
				error(node, "un groupe répété ne peut pas en contenir un autre.");
			}
			for (Node item : sequence(question.node("questions"), "« questions »")) {
				children.add(question(item, effectiveBlock, true));
			}
		}
		else if (question.node("questions") != null) {
			error(question.nodeOf("questions"), "seul un groupe répété (type repeat) contient des questions.");
		}
		Integer maxItems = (question.node("max_items") != null) ? question.integer("max_items", false, 0) : null;
		return new Definition.Question(question.text("code", true), type, question.text("label", true),
				question.text("help", false), question.bool("required", false), question.decimal("min"),
				question.decimal("max"), question.text("unit", false), kinds(question),
				question.text("relevant", false), constraints, question.text("calculate", false), warning, core,
				effectiveBlock, question.text("choices", false), maxItems, children, question.line());
	}

	private Set<String> kinds(Fields fields) {
		Node node = fields.node("kinds");
		if (node == null) {
			return Set.of();
		}
		Set<String> kinds = new LinkedHashSet<>();
		for (Node item : sequence(node, "« kinds »")) {
			String kind = scalar(item);
			if (!"CS".equals(kind) && !"EVS".equals(kind)) {
				error(item, "« kinds » contient CS ou EVS, pas « " + kind + " ».");
			}
			kinds.add(kind);
		}
		return kinds;
	}

	private List<Node> sequence(Node node, String what) {
		if (node == null) {
			return List.of();
		}
		if (node instanceof SequenceNode sequence) {
			return sequence.getValue();
		}
		error(node, what + " doit être une liste.");
		return List.of();
	}

	private String scalar(Node node) {
		if (node instanceof ScalarNode scalar) {
			return scalar.getValue();
		}
		error(node, "une valeur simple est attendue ici.");
		return null;
	}

	private void error(Node node, String message) {
		this.errors.add(new DefinitionError(line(node), message));
	}

	private static int line(Node node) {
		return (node != null && node.getStartMark() != null) ? node.getStartMark().getLine() + 1 : 0;
	}

	/** The keys of one mapping, refusing unknown ones (a typo must not pass silently). */
	private final class Fields {

		private final Node node;

		private final Map<String, Node> values = new LinkedHashMap<>();

		Fields(Node node, Set<String> allowed) {
			this.node = node;
			if (!(node instanceof MappingNode mapping)) {
				error(node, "un élément avec des champs (code, label…) est attendu ici.");
				return;
			}
			for (NodeTuple tuple : mapping.getValue()) {
				String key = scalar(tuple.getKeyNode());
				if (key != null && !allowed.contains(key)) {
					error(tuple.getKeyNode(), "champ « " + key + " » inconnu ici (attendus : "
							+ String.join(", ", allowed.stream().sorted().toList()) + ").");
				}
				this.values.put(key, tuple.getValueNode());
			}
		}

		int line() {
			return DefinitionReader.line(this.node);
		}

		int line(String key) {
			return DefinitionReader.line(this.values.get(key));
		}

		Node node(String key) {
			return this.values.get(key);
		}

		Node nodeOf(String key) {
			return (this.values.get(key) != null) ? this.values.get(key) : this.node;
		}

		String text(String key, boolean required) {
			Node value = this.values.get(key);
			if (value == null || (value instanceof ScalarNode scalar && scalar.getValue().isBlank())) {
				if (required) {
					error(this.node, "il manque « " + key + " ».");
				}
				return null;
			}
			String text = scalar(value);
			return (text != null) ? text.strip() : null;
		}

		boolean bool(String key, boolean otherwise) {
			String text = text(key, false);
			if (text == null) {
				return otherwise;
			}
			if (!text.equals("true") && !text.equals("false")) {
				error(this.values.get(key), "« " + key + " » vaut true ou false, pas « " + text + " ».");
				return otherwise;
			}
			return Boolean.parseBoolean(text);
		}

		int integer(String key, boolean required, int otherwise) {
			String text = text(key, required);
			if (text == null) {
				return otherwise;
			}
			try {
				return Integer.parseInt(text);
			}
			catch (NumberFormatException ex) {
				error(this.values.get(key), "« " + key + " » doit être un nombre entier, pas « " + text + " ».");
				return otherwise;
			}
		}

		BigDecimal decimal(String key) {
			String text = text(key, false);
			if (text == null) {
				return null;
			}
			try {
				return new BigDecimal(text);
			}
			catch (NumberFormatException ex) {
				error(this.values.get(key), "« " + key + " » doit être un nombre, pas « " + text + " ».");
				return null;
			}
		}

	}

}
