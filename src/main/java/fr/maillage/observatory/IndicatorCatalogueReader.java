package fr.maillage.observatory;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.questionnaire.Definition;
import fr.maillage.questionnaire.QuestionType;

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
 * Reads the indicator catalogue and checks it against the questionnaire it is computed
 * from, reporting every problem with its line, in French. Like the questionnaire reader
 * it composes YAML nodes (no objects, no type tags), and a formula is one of six fixed
 * shapes over question codes: nothing in the file is ever evaluated as code.
 */
final class IndicatorCatalogueReader {

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,59}");

	private static final Pattern FORMULA = Pattern
		.compile("(count|share|sum|mean|median|ratio)\\(\\s*([a-z0-9_.]+)\\s*(?:,\\s*([a-z0-9_]+)\\s*)?\\)");

	private static final Set<QuestionType> NUMERIC = Set.of(QuestionType.INTEGER, QuestionType.DECIMAL,
			QuestionType.MONEY, QuestionType.PERCENTAGE, QuestionType.FTE);

	private static final Set<String> KINDS = Set.of("CS", "EVS");

	private final List<String> errors = new ArrayList<>();

	/** The catalogue, or null when {@link #errors()} is not empty. */
	IndicatorCatalogue read(String source, Definition questionnaire) {
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(5);
			options.setAllowDuplicateKeys(false);
			root = new Yaml(new SafeConstructor(options)).compose(new StringReader(source));
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			error(line, "le fichier n’est pas un YAML valide (" + ex.getProblem() + ").");
			return null;
		}
		catch (YAMLException ex) {
			error(0, "le fichier n’est pas un YAML valide (" + ex.getMessage() + ").");
			return null;
		}
		if (!(root instanceof MappingNode top)) {
			error(1, "le fichier doit décrire un catalogue (format, version, title, indicators).");
			return null;
		}
		Map<String, Node> fields = fields(top, Set.of("format", "version", "title", "indicators"));
		if (!"1".equals(text(fields.get("format")))) {
			error(line(top), "seul le format 1 existe.");
		}
		String version = required(fields, "version", top);
		String title = required(fields, "title", top);
		List<Indicator> indicators = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		if (fields.get("indicators") instanceof SequenceNode list) {
			for (Node item : list.getValue()) {
				Indicator indicator = indicator(item, questionnaire);
				if (indicator != null && !codes.add(indicator.code())) {
					error(line(item), "le code « " + indicator.code() + " » est déjà celui d’un autre indicateur.");
				}
				else if (indicator != null) {
					indicators.add(indicator);
				}
			}
		}
		else {
			error(line(top), "il manque la liste « indicators ».");
		}
		return this.errors.isEmpty() ? new IndicatorCatalogue(version, title, indicators) : null;
	}

	List<String> errors() {
		return List.copyOf(this.errors);
	}

	private Indicator indicator(Node node, Definition questionnaire) {
		if (!(node instanceof MappingNode mapping)) {
			error(line(node), "un indicateur se décrit par ses champs (code, label, formula…).");
			return null;
		}
		int before = this.errors.size();
		Map<String, Node> fields = fields(mapping,
				Set.of("code", "label", "definition", "unit", "formula", "kinds", "core"));
		String code = required(fields, "code", node);
		if (code != null && !CODE.matcher(code).matches()) {
			error(line(fields.get("code")), "le code « " + code + " » doit être en minuscules, chiffres et « _ ».");
		}
		String label = required(fields, "label", node);
		String definition = required(fields, "definition", node);
		String unitCode = required(fields, "unit", node);
		Indicator.Unit unit = (unitCode != null) ? Indicator.Unit.of(unitCode) : null;
		if (unitCode != null && unit == null) {
			error(line(fields.get("unit")), "l’unité « " + unitCode
					+ " » est inconnue (structures, nombre, euros, pourcent, etp, jours, heures).");
		}
		Set<String> kinds = new LinkedHashSet<>();
		if (fields.get("kinds") instanceof SequenceNode list) {
			for (Node kind : list.getValue()) {
				String value = text(kind);
				if (!KINDS.contains(value)) {
					error(line(kind), "« kinds » ne contient que CS et EVS, pas « " + value + " ».");
				}
				kinds.add(value);
			}
		}
		if (kinds.isEmpty()) {
			error(line(node), "« kinds » doit nommer au moins un type de structure (CS, EVS).");
		}
		boolean core = !"false".equals(text(fields.get("core")));
		Formula formula = formula(fields.get("formula"), node, questionnaire);
		if (formula != null && formula.type() == Formula.Type.REGISTRY_COUNT && unit != Indicator.Unit.STRUCTURES) {
			error(line(fields.get("unit")), "un dénombrement du registre se compte en « structures ».");
		}
		if (formula != null && (formula.type() == Formula.Type.SHARE || formula.type() == Formula.Type.RATIO
				|| formula.type() == Formula.Type.REGISTRY_SHARE) && unit != Indicator.Unit.POURCENT) {
			error(line(fields.get("unit")), "une part ou un ratio s’exprime en « pourcent ».");
		}
		if (this.errors.size() > before) {
			return null;
		}
		return new Indicator(code, label, definition, unit, formula, kinds, core);
	}

	private Formula formula(Node node, Node owner, Definition questionnaire) {
		String text = text(node);
		if (text == null) {
			error(line(owner), "il manque « formula ».");
			return null;
		}
		Matcher matcher = FORMULA.matcher(text.strip());
		if (!matcher.matches()) {
			error(line(node), "la formule « " + text
					+ " » n’est pas de la forme count(registre), share(registre.champ), sum(q), mean(q), median(q), share(q) ou ratio(q1, q2).");
			return null;
		}
		String function = matcher.group(1);
		String first = matcher.group(2);
		String second = matcher.group(3);
		if (second != null && !function.equals("ratio")) {
			error(line(node), "seule ratio(q1, q2) prend deux questions.");
			return null;
		}
		if (function.equals("count")) {
			if (!first.equals("registre")) {
				error(line(node), "count ne s’applique qu’au registre : count(registre).");
				return null;
			}
			return new Formula(Formula.Type.REGISTRY_COUNT, null, null);
		}
		if (first.startsWith("registre.")) {
			Formula.RegistryField field = Formula.RegistryField.of(first.substring("registre.".length()));
			if (!function.equals("share") || field == null) {
				error(line(node), "« " + first
						+ " » : seuls share(registre.gestion_associative), share(registre.rural), share(registre.qpv) et share(registre.federation) lisent le registre.");
				return null;
			}
			return new Formula(Formula.Type.REGISTRY_SHARE, field.name(), null);
		}
		if (function.equals("ratio") && second == null) {
			error(line(node), "ratio prend deux questions : ratio(q1, q2).");
			return null;
		}
		Set<QuestionType> expected = function.equals("share") ? Set.of(QuestionType.YES_NO) : NUMERIC;
		for (String code : (second != null) ? List.of(first, second) : List.of(first)) {
			var question = questionnaire.question(code);
			if (question.isEmpty()) {
				error(line(node), "la question « " + code + " » n’existe pas dans le questionnaire "
						+ questionnaire.version() + ".");
				return null;
			}
			if (!expected.contains(question.get().type())) {
				error(line(node),
						"la question « " + code + " » est de type " + question.get().type()
								+ (function.equals("share") ? " : share(q) attend une question oui/non."
										: " : " + function + " attend une question numérique."));
				return null;
			}
		}
		return new Formula(Formula.Type.valueOf(function.toUpperCase(java.util.Locale.ROOT)), first, second);
	}

	private Map<String, Node> fields(MappingNode mapping, Set<String> allowed) {
		Map<String, Node> fields = new java.util.LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = text(tuple.getKeyNode());
			if (!allowed.contains(key)) {
				error(line(tuple.getKeyNode()), "le champ « " + key + " » est inconnu (attendus : "
						+ String.join(", ", new java.util.TreeSet<>(allowed)) + ").");
			}
			fields.put(key, tuple.getValueNode());
		}
		return fields;
	}

	private String required(Map<String, Node> fields, String key, Node owner) {
		String value = text(fields.get(key));
		if (value == null || value.isBlank()) {
			error(line(owner), "il manque « " + key + " ».");
			return null;
		}
		return value.strip();
	}

	private static String text(Node node) {
		return (node instanceof ScalarNode scalar) ? scalar.getValue() : null;
	}

	private static int line(Node node) {
		return (node != null && node.getStartMark() != null) ? node.getStartMark().getLine() + 1 : 0;
	}

	private void error(int line, String message) {
		this.errors.add((line > 0) ? "ligne " + line + " : " + message : message);
	}

}
