package fr.maillage.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.maillage.questionnaire.DefinitionError.Part;

/**
 * The vocabulary of a definition as an XLSForm-like workbook
 * (docs/questionnaire-format.md, "Workbook"): its sheets, their columns, the words of the
 * {@code type} column and which YAML key each column stands for. The reader and the
 * writer share it, so that they cannot drift apart.
 */
final class WorkbookFormat {

	static final String SURVEY = "survey";

	static final String CHOICES = "choices";

	static final String SETTINGS = "settings";

	static final String RULES = "rules";

	/** Sheets in the order the writer puts them (XLSForm's, then ours). */
	static final List<String> SHEETS = List.of(SURVEY, CHOICES, SETTINGS, RULES);

	static final List<String> SETTINGS_COLUMNS = List.of("form_id", "form_title", "version", "format");

	static final List<String> SURVEY_COLUMNS = List.of("type", "name", "label", "hint", "required", "relevant",
			"constraint", "constraint_message", "calculation", "min", "max", "unit", "kinds", "core", "block",
			"warning_deviation", "warning_percentile", "max_items");

	static final List<String> CHOICES_COLUMNS = List.of("list_name", "name", "label");

	static final List<String> RULES_COLUMNS = List.of("name", "rule", "message", "severity", "relevant");

	/** The columns a begin_group row (a section) may fill. */
	static final List<String> SECTION_COLUMNS = List.of("type", "name", "label", "hint", "kinds", "block");

	/**
	 * A question's second, third… constraint: {@code constraint_2} and
	 * {@code constraint_message_2}, and so on (XLSForm has one constraint per row).
	 */
	static final Pattern EXTRA_CONSTRAINT = Pattern.compile("constraint(_message)?_([2-9]|[1-9][0-9])");

	static final String BEGIN_GROUP = "begin_group";

	static final String END_GROUP = "end_group";

	static final String BEGIN_REPEAT = "begin_repeat";

	static final String END_REPEAT = "end_repeat";

	static final String SELECT_ONE = "select_one";

	static final String SELECT_MULTIPLE = "select_multiple";

	/** XLSForm's computed field: a decimal with a calculation. */
	static final String CALCULATE = "calculate";

	/** The type words that name a question type by themselves. */
	private static final Map<String, QuestionType> TYPES = types();

	private static final Pattern MARKER = Pattern.compile("(begin|end)[ _](group|repeat)");

	private WorkbookFormat() {
	}

	private static Map<String, QuestionType> types() {
		Map<String, QuestionType> types = new LinkedHashMap<>();
		types.put("integer", QuestionType.INTEGER);
		types.put("decimal", QuestionType.DECIMAL);
		types.put("money", QuestionType.MONEY);
		types.put("percentage", QuestionType.PERCENTAGE);
		types.put("fte", QuestionType.FTE);
		types.put("yes_no", QuestionType.YES_NO);
		types.put("date", QuestionType.DATE);
		types.put("text", QuestionType.SHORT_TEXT);
		types.put("long_text", QuestionType.LONG_TEXT);
		return types;
	}

	/** Every word the type column accepts, for an error message. */
	static String typeWords() {
		return String.join(", ", TYPES.keySet()) + ", " + SELECT_ONE + " <liste>, " + SELECT_MULTIPLE + " <liste>, "
				+ CALCULATE + ", " + BEGIN_GROUP + ", " + END_GROUP + ", " + BEGIN_REPEAT + ", " + END_REPEAT;
	}

	/**
	 * A type cell read: a group marker ({@code begin_group}…), or a question type with
	 * its choice list.
	 */
	record TypeCell(String marker, QuestionType type, String list, boolean calculate) {

		static Optional<TypeCell> parse(String text) {
			String normalized = text.strip().replaceAll("\\s+", " ");
			Matcher marker = MARKER.matcher(normalized.toLowerCase(Locale.ROOT));
			if (marker.matches()) {
				return Optional.of(new TypeCell(marker.group(1) + "_" + marker.group(2), null, null, false));
			}
			String[] words = normalized.split(" ");
			String word = words[0].toLowerCase(Locale.ROOT);
			if (word.equals(SELECT_ONE) || word.equals(SELECT_MULTIPLE)) {
				QuestionType type = word.equals(SELECT_ONE) ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE;
				return Optional.of(new TypeCell(null, type, (words.length == 2) ? words[1] : null, false));
			}
			if (words.length != 1) {
				return Optional.empty();
			}
			if (word.equals(CALCULATE)) {
				return Optional.of(new TypeCell(null, QuestionType.DECIMAL, null, true));
			}
			return Optional.ofNullable(TYPES.get(word)).map(type -> new TypeCell(null, type, null, false));
		}

	}

	/** What the writer puts in the type column for a question that is not a repeat. */
	static String typeWord(Definition.Question question) {
		return switch (question.type()) {
			case SINGLE_CHOICE -> SELECT_ONE + " " + question.choices();
			case MULTIPLE_CHOICE -> SELECT_MULTIPLE + " " + question.choices();
			case REPEAT -> BEGIN_REPEAT;
			default -> TYPES.entrySet()
				.stream()
				.filter(entry -> entry.getValue() == question.type())
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow();
		};
	}

	/** The sheet holding a part of a definition; null for the file as a whole. */
	static String sheet(Part part) {
		return switch (part) {
			case HEADER -> SETTINGS;
			case SECTIONS -> SURVEY;
			case CHOICES -> CHOICES;
			case RULES -> RULES;
			case FILE -> null;
		};
	}

	/**
	 * The column standing for a YAML key of a part (e.g. {@code help} → {@code hint}), to
	 * point at the cell of a problem found once the workbook is read.
	 */
	static String column(Part part, String key) {
		if (key == null) {
			return null;
		}
		return switch (part) {
			case HEADER -> switch (key) {
				case "code" -> "form_id";
				case "title" -> "form_title";
				default -> key;
			};
			case SECTIONS -> switch (key) {
				case "code" -> "name";
				case "title" -> "label";
				case "help" -> "hint";
				case "calculate" -> "calculation";
				case "constraints" -> "constraint";
				case "warning" -> "warning_deviation";
				case "choices", "questions" -> "type";
				default -> key;
			};
			case CHOICES -> switch (key) {
				case "choices" -> "list_name";
				case "code" -> "name";
				default -> key;
			};
			case RULES -> "code".equals(key) ? "name" : key;
			case FILE -> null;
		};
	}

}
