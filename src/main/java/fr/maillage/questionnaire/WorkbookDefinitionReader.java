package fr.maillage.questionnaire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

import fr.maillage.questionnaire.DefinitionError.Part;
import fr.maillage.questionnaire.WorkbookFormat.TypeCell;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an XLSForm-like workbook ({@link WorkbookFormat}) into the same
 * {@link Definition} as {@link DefinitionReader} reads from YAML, so that the same checks
 * apply. Every problem of shape is reported with its sheet, row and column, in French;
 * unknown sheets and columns are errors, like unknown YAML keys. The file is only data:
 * its zip is measured before POI opens it ({@link WorkbookZip}), sheets have at most
 * {@value #MAX_ROWS} rows, and formulas are never evaluated (their last computed value is
 * read).
 */
final class WorkbookDefinitionReader {

	static final int MAX_ROWS = 2_000;

	static final int MAX_COLUMNS = 60;

	/** Past this many problems, the rest would only bury the first ones. */
	static final int MAX_ERRORS = 100;

	private static final Set<String> YES = Set.of("yes", "true", "oui");

	private static final Set<String> NO = Set.of("no", "false", "non");

	private final List<DefinitionError> errors = new ArrayList<>();

	/** Each sheet's columns as found in its first row: name → index. */
	private final Map<Part, Map<String, Integer>> headers = new EnumMap<>(Part.class);

	/** The row of the settings' values. */
	private int settingsRow = 2;

	/** The definition read, or null; {@link #errors()} says why. */
	Definition read(byte[] bytes) {
		Optional<String> unsafe = WorkbookZip.problem(bytes);
		if (unsafe.isPresent()) {
			fileError(unsafe.get());
			return null;
		}
		Workbook workbook;
		try {
			workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
		}
		catch (IOException | RuntimeException ex) {
			// POI says "not OOXML", "corrupt", "strict OOXML"… in many exception types.
			fileError(WorkbookZip.UNREADABLE);
			return null;
		}
		try (workbook) {
			return read(workbook);
		}
		catch (IOException ex) {
			fileError(WorkbookZip.UNREADABLE);
			return null;
		}
	}

	List<DefinitionError> errors() {
		return List.copyOf(this.errors);
	}

	/**
	 * A problem as a person finds it in the workbook: "survey, ligne 12, colonne F : …".
	 * Works for the problems the checks find after reading too, through the column each
	 * YAML key stands for.
	 */
	String describe(DefinitionError error) {
		String sheet = WorkbookFormat.sheet(error.part());
		if (sheet == null) {
			return error.toString();
		}
		// The checks place a problem of the header (code, version) at line 1, a YAML
		// file's top: in a workbook, that is the settings' row of values.
		boolean foundByChecks = !this.errors.contains(error);
		int row = (error.part() == Part.HEADER && foundByChecks) ? this.settingsRow : error.line();
		Map<String, Integer> columns = this.headers.getOrDefault(error.part(), Map.of());
		Integer column = (error.field() != null) ? columns.get(error.field()) : null;
		if (column == null) {
			column = columns.get(WorkbookFormat.column(error.part(), error.field()));
		}
		StringBuilder place = new StringBuilder(sheet);
		if (row > 0) {
			place.append(", ligne ").append(row);
		}
		if (column != null) {
			place.append(", colonne ").append(CellReference.convertNumToColString(column));
		}
		return place + " : " + error.message();
	}

	private Definition read(Workbook workbook) {
		Map<String, Sheet> sheets = new LinkedHashMap<>();
		for (Sheet sheet : workbook) {
			String name = sheet.getSheetName().strip().toLowerCase(Locale.ROOT);
			if (!WorkbookFormat.SHEETS.contains(name)) {
				fileError("feuille « " + sheet.getSheetName() + " » inconnue (attendues : "
						+ String.join(", ", WorkbookFormat.SHEETS) + ").");
			}
			else if (sheets.putIfAbsent(name, sheet) != null) {
				fileError("la feuille « " + name + " » figure deux fois.");
			}
			else if (sheet.getLastRowNum() >= MAX_ROWS) {
				fileError("la feuille « " + name + " » dépasse " + MAX_ROWS + " lignes.");
				return null;
			}
		}
		for (String required : List.of(WorkbookFormat.SURVEY, WorkbookFormat.SETTINGS)) {
			if (!sheets.containsKey(required)) {
				fileError("il manque la feuille « " + required + " ».");
			}
		}
		if (!this.errors.isEmpty()) {
			return null;
		}
		Settings settings = settings(
				table(sheets.get(WorkbookFormat.SETTINGS), Part.HEADER, WorkbookFormat.SETTINGS_COLUMNS));
		Map<String, List<Definition.Choice>> choices = choices(
				table(sheets.get(WorkbookFormat.CHOICES), Part.CHOICES, WorkbookFormat.CHOICES_COLUMNS));
		List<Definition.Section> sections = new Survey()
			.read(table(sheets.get(WorkbookFormat.SURVEY), Part.SECTIONS, WorkbookFormat.SURVEY_COLUMNS));
		List<Definition.Rule> rules = rules(
				table(sheets.get(WorkbookFormat.RULES), Part.RULES, WorkbookFormat.RULES_COLUMNS));
		return this.errors.isEmpty() ? new Definition(settings.format(), settings.family(), settings.version(),
				settings.title(), choices, sections, rules) : null;
	}

	private record Settings(int format, String family, String version, String title) {
	}

	private Settings settings(List<Line> lines) {
		if (lines.isEmpty()) {
			error(Part.HEADER, 2, null, "la feuille settings doit porter ses valeurs en ligne 2, sous les titres.");
			return new Settings(1, null, null, null);
		}
		Line line = lines.getFirst();
		this.settingsRow = line.number();
		for (Line extra : lines.subList(1, lines.size())) {
			error(extra, null, "la feuille settings n’a qu’une ligne de valeurs (la ligne " + line.number() + ").");
		}
		int format = line.integer("format", true, 1);
		if (format != 1) {
			error(line, "format", "format " + format + " inconnu : seul le format 1 existe.");
		}
		return new Settings(format, line.text("form_id", true), line.text("version", true),
				line.text("form_title", true));
	}

	private Map<String, List<Definition.Choice>> choices(List<Line> lines) {
		Map<String, List<Definition.Choice>> choices = new LinkedHashMap<>();
		for (Line line : lines) {
			String list = line.text("list_name", true);
			Definition.Choice choice = new Definition.Choice(line.text("name", true), line.text("label", true));
			if (list != null) {
				choices.computeIfAbsent(list, name -> new ArrayList<>()).add(choice);
			}
		}
		return choices;
	}

	private List<Definition.Rule> rules(List<Line> lines) {
		List<Definition.Rule> rules = new ArrayList<>();
		for (Line line : lines) {
			String severity = line.text("severity", false);
			Definition.Severity level = Definition.Severity.ERROR;
			if ("warning".equalsIgnoreCase(severity)) {
				level = Definition.Severity.WARNING;
			}
			else if (severity != null && !severity.equalsIgnoreCase("error")) {
				error(line, "severity", "« severity » vaut error ou warning, pas « " + severity + " ».");
			}
			rules.add(new Definition.Rule(line.text("name", true), line.text("rule", true), line.text("message", true),
					level, line.text("relevant", false), line.number()));
		}
		return rules;
	}

	/** The survey sheet: sections between begin_group and end_group, repeats inside. */
	private final class Survey {

		private final List<Definition.Section> sections = new ArrayList<>();

		private Line section;

		private List<Definition.Question> questions;

		private Line repeat;

		private List<Definition.Question> children;

		List<Definition.Section> read(List<Line> lines) {
			for (Line line : lines) {
				String text = line.text("type", true);
				if (text == null) {
					continue;
				}
				TypeCell type = TypeCell.parse(text).orElse(null);
				if (type == null) {
					error(line, "type",
							"type « " + text + " » inconnu (attendus : " + WorkbookFormat.typeWords() + ").");
				}
				else if (type.marker() != null) {
					marker(line, type.marker());
				}
				else if (this.section == null) {
					error(line, "type", "cette question doit se trouver dans une section (entre "
							+ WorkbookFormat.BEGIN_GROUP + " et " + WorkbookFormat.END_GROUP + ").");
				}
				else {
					question(line, type);
				}
			}
			if (this.repeat != null) {
				error(this.repeat, "type", "il manque le " + WorkbookFormat.END_REPEAT + " de ce groupe répété.");
				closeRepeat();
			}
			if (this.section != null) {
				error(this.section, "type", "il manque le " + WorkbookFormat.END_GROUP + " de cette section.");
				closeSection();
			}
			return this.sections;
		}

		private void marker(Line line, String marker) {
			switch (marker) {
				case WorkbookFormat.BEGIN_GROUP -> {
					if (this.repeat != null) {
						error(line, "type", "une section ne peut pas commencer dans un groupe répété (il manque un "
								+ WorkbookFormat.END_REPEAT + ").");
						closeRepeat();
					}
					if (this.section != null) {
						error(line, "type",
								"les sections ne s’imbriquent pas : il manque le " + WorkbookFormat.END_GROUP
										+ " de la section « " + this.section.text("name", false) + " ».");
						closeSection();
					}
					line.only(WorkbookFormat.SECTION_COLUMNS, "une section (" + WorkbookFormat.BEGIN_GROUP + ")");
					this.section = line;
					this.questions = new ArrayList<>();
				}
				case WorkbookFormat.BEGIN_REPEAT -> {
					if (this.section == null) {
						error(line, "type", "un groupe répété doit se trouver dans une section.");
					}
					else if (this.repeat != null) {
						error(line, "type", "un groupe répété ne peut pas en contenir un autre.");
					}
					else {
						this.repeat = line;
						this.children = new ArrayList<>();
					}
				}
				case WorkbookFormat.END_REPEAT -> {
					if (this.repeat == null) {
						error(line, "type", WorkbookFormat.END_REPEAT + " sans " + WorkbookFormat.BEGIN_REPEAT + ".");
					}
					else {
						end(line, this.repeat);
						closeRepeat();
					}
				}
				default -> {
					if (this.section == null) {
						error(line, "type", WorkbookFormat.END_GROUP + " sans " + WorkbookFormat.BEGIN_GROUP + ".");
						return;
					}
					if (this.repeat != null) {
						error(line, "type", "il manque le " + WorkbookFormat.END_REPEAT + " du groupe répété « "
								+ this.repeat.text("name", false) + " ».");
						closeRepeat();
					}
					end(line, this.section);
					closeSection();
				}
			}
		}

		/** An end row carries its type and, if it likes, the name of what it closes. */
		private void end(Line line, Line begin) {
			line.only(List.of("type", "name"), "une ligne de fin (" + line.text("type", false) + ")");
			String name = line.text("name", false);
			String opened = begin.text("name", false);
			if (name != null && opened != null && !name.equals(opened)) {
				error(line, "name", "cette ligne ferme « " + opened + " », pas « " + name + " ».");
			}
		}

		private void question(Line line, TypeCell type) {
			String inherited = (this.repeat != null) ? blockOf(this.repeat, this.section)
					: this.section.text("block", false);
			Definition.Question question = WorkbookDefinitionReader.this.question(line, type, inherited, List.of());
			if (this.repeat != null) {
				this.children.add(question);
			}
			else {
				this.questions.add(question);
			}
		}

		private void closeRepeat() {
			TypeCell repeat = new TypeCell(null, QuestionType.REPEAT, null, false);
			this.questions.add(WorkbookDefinitionReader.this.question(this.repeat, repeat,
					this.section.text("block", false), this.children));
			this.repeat = null;
			this.children = null;
		}

		private void closeSection() {
			Line line = this.section;
			this.sections.add(new Definition.Section(line.text("name", true), line.text("label", true),
					line.text("hint", false), kinds(line), line.text("block", false), this.questions, line.number()));
			this.section = null;
			this.questions = null;
		}

		private static String blockOf(Line repeat, Line section) {
			String own = repeat.text("block", false);
			return (own != null) ? own : section.text("block", false);
		}

	}

	private Definition.Question question(Line line, TypeCell type, String inheritedBlock,
			List<Definition.Question> children) {
		if (type.type().choice() && type.list() == null) {
			error(line, "type", "« " + line.text("type", false) + " » doit être suivi du nom de sa liste de choix, "
					+ "par exemple « select_one financeurs ».");
		}
		String calculate = line.text("calculation", false);
		if (type.calculate() && calculate == null) {
			error(line, "calculation", "une ligne de type " + WorkbookFormat.CALCULATE + " a besoin d’un calcul.");
		}
		String ownBlock = line.text("block", false);
		String block = (ownBlock != null) ? ownBlock : inheritedBlock;
		Definition.Warning warning = null;
		BigDecimal deviation = line.decimal("warning_deviation");
		if (deviation != null || line.text("warning_percentile", false) != null) {
			warning = new Definition.Warning(deviation, line.bool("warning_percentile", false));
		}
		Integer maxItems = (line.text("max_items", false) != null) ? line.integer("max_items", false, 0) : null;
		return new Definition.Question(line.text("name", true), type.type(), line.text("label", true),
				line.text("hint", false), line.bool("required", false), line.decimal("min"), line.decimal("max"),
				line.text("unit", false), kinds(line), line.text("relevant", false), constraints(line), calculate,
				warning, line.bool("core", block == null), block, type.list(), maxItems, children, line.number());
	}

	/** {@code constraint} with {@code constraint_message}, then {@code constraint_2}… */
	private List<Definition.Constraint> constraints(Line line) {
		Map<Integer, String[]> numbered = new TreeMap<>();
		numbered.put(1, new String[] { "constraint", "constraint_message" });
		for (String column : this.headers.get(Part.SECTIONS).keySet()) {
			Matcher extra = WorkbookFormat.EXTRA_CONSTRAINT.matcher(column);
			if (extra.matches()) {
				int n = Integer.parseInt(extra.group(2));
				numbered.put(n, new String[] { "constraint_" + n, "constraint_message_" + n });
			}
		}
		List<Definition.Constraint> constraints = new ArrayList<>();
		for (String[] columns : numbered.values()) {
			String rule = line.text(columns[0], false);
			String message = line.text(columns[1], false);
			if (rule == null && message == null) {
				continue;
			}
			if (rule == null || message == null) {
				error(line, (rule == null) ? columns[0] : columns[1],
						"il manque « " + ((rule == null) ? columns[0] : columns[1]) + " » : une contrainte a une "
								+ "règle et un message.");
			}
			constraints.add(new Definition.Constraint(rule, message, line.number()));
		}
		return constraints;
	}

	private Set<String> kinds(Line line) {
		String text = line.text("kinds", false);
		if (text == null) {
			return Set.of();
		}
		Set<String> kinds = new LinkedHashSet<>();
		for (String kind : text.strip().split("[\\s,;]+")) {
			String upper = kind.toUpperCase(Locale.ROOT);
			if (!upper.equals("CS") && !upper.equals("EVS")) {
				error(line, "kinds", "« kinds » contient CS ou EVS, pas « " + kind + " ».");
			}
			kinds.add(upper);
		}
		return kinds;
	}

	/**
	 * A sheet's rows below its header, blank ones left out; checks the header first. A
	 * missing optional sheet has no rows.
	 */
	private List<Line> table(Sheet sheet, Part part, List<String> known) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		this.headers.put(part, columns);
		if (sheet == null) {
			return List.of();
		}
		String name = WorkbookFormat.sheet(part);
		Row header = sheet.getRow(0);
		if (header == null || header.getLastCellNum() <= 0) {
			error(part, 1, null, "la première ligne de la feuille " + name + " doit porter les titres des colonnes ("
					+ String.join(", ", known) + ").");
			return List.of();
		}
		if (header.getLastCellNum() > MAX_COLUMNS) {
			error(part, 1, null, "la feuille " + name + " a plus de " + MAX_COLUMNS + " colonnes.");
			return List.of();
		}
		Map<Integer, String> names = new TreeMap<>();
		for (Cell cell : header) {
			String title = text(cell).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
			if (title.isEmpty()) {
				continue;
			}
			if (columns.putIfAbsent(title, cell.getColumnIndex()) != null) {
				error(part, 1, null, "la colonne « " + title + " » figure deux fois.");
				continue;
			}
			names.put(cell.getColumnIndex(), title);
			boolean extra = part == Part.SECTIONS && WorkbookFormat.EXTRA_CONSTRAINT.matcher(title).matches();
			if (!known.contains(title) && !extra) {
				error(part, 1, title,
						"colonne « " + title + " » inconnue (attendues : " + String.join(", ", known) + ").");
			}
		}
		List<String> required = switch (part) {
			case HEADER -> List.of();
			case SECTIONS -> List.of("type", "name", "label");
			case CHOICES -> List.of("list_name", "name", "label");
			default -> List.of("name", "rule", "message");
		};
		boolean complete = true;
		for (String column : required) {
			if (!columns.containsKey(column)) {
				error(part, 1, null, "il manque la colonne « " + column + " ».");
				complete = false;
			}
		}
		List<Line> lines = new ArrayList<>();
		for (Row row : sheet) {
			if (row.getRowNum() == 0 || !complete) {
				continue;
			}
			Line line = line(part, row, names);
			if (!line.blank()) {
				lines.add(line);
			}
		}
		return lines;
	}

	private Line line(Part part, Row row, Map<Integer, String> names) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Cell cell : row) {
			String value;
			if (cell.getCellType() == CellType.ERROR || (cell.getCellType() == CellType.FORMULA
					&& cell.getCachedFormulaResultType() == CellType.ERROR)) {
				error(part, row.getRowNum() + 1, names.get(cell.getColumnIndex()),
						"la cellule " + cell.getAddress() + " contient une erreur de formule.");
				continue;
			}
			value = text(cell).strip();
			if (value.isEmpty()) {
				continue;
			}
			String column = names.get(cell.getColumnIndex());
			if (column == null) {
				error(part, row.getRowNum() + 1, null, "la cellule " + cell.getAddress()
						+ " a une valeur, mais sa colonne n’a pas de titre en ligne 1.");
				continue;
			}
			values.put(column, value);
		}
		return new Line(part, row.getRowNum() + 1, values);
	}

	/**
	 * What the cell shows, as text; a formula's last computed value (never evaluated).
	 */
	private static String text(Cell cell) {
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
			case NUMERIC -> number(cell.getNumericCellValue());
			default -> "";
		};
	}

	/** 366.0 → "366", 0.3 → "0.3": the shortest decimal of the double. */
	private static String number(double value) {
		BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
		return (decimal.signum() == 0) ? "0" : decimal.toPlainString();
	}

	private void fileError(String message) {
		error(Part.FILE, 0, null, message);
	}

	private void error(Line line, String column, String message) {
		error(line.part(), line.number(), column, message);
	}

	private void error(Part part, int row, String column, String message) {
		if (this.errors.size() < MAX_ERRORS) {
			this.errors.add(new DefinitionError(part, row, column, message));
		}
		else if (this.errors.size() == MAX_ERRORS) {
			this.errors.add(new DefinitionError(Part.FILE, 0, null,
					"et d’autres problèmes encore : corrigez d’abord ceux-ci, puis déposez le classeur de nouveau."));
		}
	}

	/**
	 * A row of a sheet: its number as the spreadsheet shows it, its values by column,
	 * read as the YAML reader reads a mapping's keys.
	 */
	private final class Line {

		private final Part part;

		private final int number;

		private final Map<String, String> values;

		Line(Part part, int number, Map<String, String> values) {
			this.part = part;
			this.number = number;
			this.values = values;
		}

		Part part() {
			return this.part;
		}

		int number() {
			return this.number;
		}

		boolean blank() {
			return this.values.isEmpty();
		}

		String text(String column, boolean required) {
			String value = this.values.get(column);
			if (value == null && required) {
				error(this, column, "il manque « " + column + " ».");
			}
			return value;
		}

		boolean bool(String column, boolean otherwise) {
			String text = text(column, false);
			if (text == null) {
				return otherwise;
			}
			String word = text.toLowerCase(Locale.ROOT);
			if (YES.contains(word)) {
				return true;
			}
			if (NO.contains(word)) {
				return false;
			}
			error(this, column, "« " + column + " » vaut yes ou no, pas « " + text + " ».");
			return otherwise;
		}

		int integer(String column, boolean required, int otherwise) {
			String text = text(column, required);
			if (text == null) {
				return otherwise;
			}
			try {
				return Integer.parseInt(text);
			}
			catch (NumberFormatException ex) {
				error(this, column, "« " + column + " » doit être un nombre entier, pas « " + text + " ».");
				return otherwise;
			}
		}

		/** A number, with a decimal point or a French decimal comma. */
		BigDecimal decimal(String column) {
			String text = text(column, false);
			if (text == null) {
				return null;
			}
			try {
				return new BigDecimal(text.contains(".") ? text : text.replace(',', '.'));
			}
			catch (NumberFormatException ex) {
				error(this, column, "« " + column + " » doit être un nombre, pas « " + text + " ».");
				return null;
			}
		}

		/** Reports every filled column outside {@code allowed}. */
		void only(List<String> allowed, String what) {
			for (String column : this.values.keySet()) {
				if (!allowed.contains(column)) {
					error(this, column, "la colonne « " + column + " » ne s’applique pas à " + what + ".");
				}
			}
		}

	}

}
