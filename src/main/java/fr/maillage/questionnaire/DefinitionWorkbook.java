package fr.maillage.questionnaire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link Definition} as an XLSForm-like workbook ({@link WorkbookFormat}) that
 * {@link WorkbookDefinitionReader} reads back into the same definition: Caf and national
 * staff start from the questionnaire in force rather than from a blank sheet. Values
 * equal to their default are left empty, as a person would leave them.
 */
final class DefinitionWorkbook {

	private static final String YES = "yes";

	private static final String NO = "no";

	private static final List<String> KIND_ORDER = List.of("CS", "EVS");

	private DefinitionWorkbook() {
	}

	static byte[] write(Definition definition) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			survey(sheet(workbook, WorkbookFormat.SURVEY, surveyColumns(definition), bold), definition);
			choices(sheet(workbook, WorkbookFormat.CHOICES, WorkbookFormat.CHOICES_COLUMNS, bold), definition);
			Writer settings = sheet(workbook, WorkbookFormat.SETTINGS, WorkbookFormat.SETTINGS_COLUMNS, bold);
			settings.row(Map.of("form_id", definition.family(), "form_title", definition.title(), "version",
					definition.version(), "format", BigDecimal.valueOf(definition.format())));
			rules(sheet(workbook, WorkbookFormat.RULES, WorkbookFormat.RULES_COLUMNS, bold), definition);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The survey's columns, with constraint_2… when a question has several constraints.
	 */
	private static List<String> surveyColumns(Definition definition) {
		int most = definition.allQuestions().stream().mapToInt(q -> q.constraints().size()).max().orElse(0);
		List<String> columns = new ArrayList<>(WorkbookFormat.SURVEY_COLUMNS);
		for (int n = 2; n <= most; n++) {
			columns.add("constraint_" + n);
			columns.add("constraint_message_" + n);
		}
		return columns;
	}

	private static void survey(Writer sheet, Definition definition) {
		for (Definition.Section section : definition.sections()) {
			Map<String, Object> begin = new LinkedHashMap<>();
			begin.put("type", WorkbookFormat.BEGIN_GROUP);
			begin.put("name", section.code());
			begin.put("label", section.title());
			begin.put("hint", section.help());
			begin.put("kinds", kinds(section.kinds()));
			begin.put("block", section.block());
			sheet.row(begin);
			for (Definition.Question question : section.questions()) {
				sheet.row(question(question, section.block()));
				if (question.type() == QuestionType.REPEAT) {
					for (Definition.Question child : question.children()) {
						sheet.row(question(child, question.block()));
					}
					sheet.row(Map.of("type", WorkbookFormat.END_REPEAT, "name", question.code()));
				}
			}
			sheet.row(Map.of("type", WorkbookFormat.END_GROUP, "name", section.code()));
		}
	}

	private static Map<String, Object> question(Definition.Question question, String inheritedBlock) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("type", WorkbookFormat.typeWord(question));
		row.put("name", question.code());
		row.put("label", question.label());
		row.put("hint", question.help());
		row.put("required", question.required() ? YES : null);
		row.put("relevant", question.relevant());
		for (int i = 0; i < question.constraints().size(); i++) {
			String suffix = (i == 0) ? "" : "_" + (i + 1);
			row.put("constraint" + suffix, question.constraints().get(i).rule());
			row.put("constraint_message" + suffix, question.constraints().get(i).message());
		}
		row.put("calculation", question.calculate());
		row.put("min", question.min());
		row.put("max", question.max());
		row.put("unit", question.unit());
		row.put("kinds", kinds(question.kinds()));
		row.put("core", (question.core() != (question.block() == null)) ? yesNo(question.core()) : null);
		row.put("block",
				(question.block() != null && !question.block().equals(inheritedBlock)) ? question.block() : null);
		if (question.warning() != null) {
			row.put("warning_deviation", question.warning().deviation());
			row.put("warning_percentile", yesNo(question.warning().percentile()));
		}
		row.put("max_items", (question.maxItems() != null) ? BigDecimal.valueOf(question.maxItems()) : null);
		return row;
	}

	private static void choices(Writer sheet, Definition definition) {
		definition.choices()
			.forEach((name, choices) -> choices.forEach(
					choice -> sheet.row(Map.of("list_name", name, "name", choice.code(), "label", choice.label()))));
	}

	private static void rules(Writer sheet, Definition definition) {
		for (Definition.Rule rule : definition.rules()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", rule.code());
			row.put("rule", rule.rule());
			row.put("message", rule.message());
			row.put("severity", rule.severity().name().toLowerCase(Locale.ROOT));
			row.put("relevant", rule.relevant());
			sheet.row(row);
		}
	}

	private static String kinds(Set<String> kinds) {
		return kinds.isEmpty() ? null : KIND_ORDER.stream().filter(kinds::contains).collect(Collectors.joining(" "));
	}

	private static String yesNo(boolean value) {
		return value ? YES : NO;
	}

	private static Writer sheet(XSSFWorkbook workbook, String name, List<String> columns, CellStyle bold) {
		Sheet sheet = workbook.createSheet(name);
		Row header = sheet.createRow(0);
		for (int i = 0; i < columns.size(); i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(columns.get(i));
			cell.setCellStyle(bold);
			sheet.setColumnWidth(i, width(columns.get(i)) * 256);
		}
		sheet.createFreezePane(0, 1);
		return new Writer(sheet, columns);
	}

	/** Characters of width: wide for texts people read, narrow for flags and numbers. */
	private static int width(String column) {
		return switch (column) {
			case "label", "hint", "form_title", "message", "constraint_message" -> 60;
			case "relevant", "constraint", "calculation", "rule" -> 40;
			case "type", "name", "list_name", "form_id" -> 28;
			default -> 14;
		};
	}

	/** Appends rows of values by column name: numbers as numbers, the rest as text. */
	private static final class Writer {

		private final Sheet sheet;

		private final List<String> columns;

		Writer(Sheet sheet, List<String> columns) {
			this.sheet = sheet;
			this.columns = columns;
		}

		void row(Map<String, ?> values) {
			Row row = this.sheet.createRow(this.sheet.getLastRowNum() + 1);
			values.forEach((column, value) -> {
				if (value == null) {
					return;
				}
				Cell cell = row.createCell(this.columns.indexOf(column));
				if (value instanceof BigDecimal number) {
					cell.setCellValue(number.doubleValue());
				}
				else {
					cell.setCellValue(value.toString());
				}
			});
		}

	}

}
