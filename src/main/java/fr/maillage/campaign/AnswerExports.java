package fr.maillage.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.questionnaire.Definition;
import fr.maillage.questionnaire.Questionnaires;
import fr.maillage.shared.security.Scope;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The answers of a campaign within the caller's territory, as a file, streamed from the
 * database (a national campaign is about 4,100 structures and 400,000 answers):
 * <ul>
 * <li>long: one line per answer (structure id, name, département, data year, response
 * status, question code, repeat item, canonical value);</li>
 * <li>wide: one line per structure, one column per question, {@code code#item} for the
 * questions of repeat groups, in the questionnaire's order.</li>
 * </ul>
 * CSV for French Excel (UTF-8 with BOM, semicolons, CRLF), or an XLSX workbook written
 * with POI's streaming workbook (a few hundred rows in memory, the rest on disk). Values
 * are the stored canonical text (decimal point, ISO dates, choice codes); in XLSX, plain
 * numbers are number cells.
 */
@Service
class AnswerExports {

	enum Layout {

		LONG, WIDE

	}

	enum Type {

		CSV, XLSX

	}

	static final List<String> LONG_HEADER = List.of("structure_id", "structure", "departement", "annee", "statut",
			"code", "item", "valeur");

	static final List<String> WIDE_FIRST = List.of("structure_id", "structure", "departement", "annee", "statut");

	/** Text a spreadsheet would run as a formula. */
	private static final Pattern FORMULA = Pattern.compile("[=@\\t\\r].*|[+-](?![0-9]+([.,][0-9]+)?$).*",
			Pattern.DOTALL);

	private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]+)?");

	private final TrackingRepository repository;

	private final Questionnaires questionnaires;

	private final TransactionTemplate readOnly;

	AnswerExports(TrackingRepository repository, Questionnaires questionnaires, PlatformTransactionManager manager) {
		this.repository = repository;
		this.questionnaires = questionnaires;
		this.readOnly = new TransactionTemplate(manager);
		this.readOnly.setReadOnly(true);
		this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** Writes the file. */
	void write(Campaign campaign, Scope scope, Layout layout, Type type, OutputStream out) throws IOException {
		Definition definition = this.questionnaires.definition(campaign.questionnaireVersionId()).orElseThrow();
		List<String> order = definition.allQuestions().stream().map(Definition.Question::code).toList();
		try (Table table = (type == Type.CSV) ? new CsvTable(out)
				: new XlsxTable(out, "reponses-" + campaign.dataYear())) {
			this.readOnly.executeWithoutResult(status -> {
				try {
					if (layout == Layout.LONG) {
						writeLong(campaign, scope, order, table);
					}
					else {
						writeWide(campaign, scope, definition, order, table);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private void writeLong(Campaign campaign, Scope scope, List<String> order, Table table) throws IOException {
		table.header(LONG_HEADER, LONG_HEADER.size() - 1);
		this.repository.streamAnswers(campaign.id(), scope, order, false, row -> {
			List<Object> line = new ArrayList<>(LONG_HEADER.size());
			line.add(row.structureId());
			line.add(row.structureName());
			line.add(row.departementCode());
			line.add(row.dataYear());
			line.add(row.status());
			line.add(row.code());
			line.add(row.item());
			line.add(row.value());
			append(table, line);
		});
	}

	private void writeWide(Campaign campaign, Scope scope, Definition definition, List<String> order, Table table)
			throws IOException {
		Set<String> repeated = new HashSet<>();
		for (Definition.Question question : definition.allQuestions()) {
			question.children().forEach(child -> repeated.add(child.code()));
		}
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < order.size(); i++) {
			position.putIfAbsent(order.get(i), i);
		}
		// Columns: the questionnaire's questions answered by someone in the scope, in its
		// order; a repeat group's questions once per item answered.
		List<Map.Entry<String, Integer>> fields = new ArrayList<>(this.repository.answeredFields(campaign.id(), scope));
		fields.sort((a, b) -> {
			int byQuestion = Integer.compare(position.getOrDefault(a.getKey(), Integer.MAX_VALUE),
					position.getOrDefault(b.getKey(), Integer.MAX_VALUE));
			if (byQuestion != 0) {
				return byQuestion;
			}
			int byCode = a.getKey().compareTo(b.getKey());
			return (byCode != 0) ? byCode : Integer.compare(a.getValue(), b.getValue());
		});
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> field : fields) {
			columns.putIfAbsent(column(repeated, field.getKey(), field.getValue()), WIDE_FIRST.size() + columns.size());
		}
		List<String> header = new ArrayList<>(WIDE_FIRST);
		header.addAll(columns.keySet());
		table.header(header, WIDE_FIRST.size());
		Object[][] current = { null };
		this.repository.streamAnswers(campaign.id(), scope, order, true, row -> {
			if (current[0] == null || !current[0][0].equals(row.structureId())) {
				if (current[0] != null) {
					append(table, java.util.Arrays.asList(current[0]));
				}
				current[0] = new Object[header.size()];
				current[0][0] = row.structureId();
				current[0][1] = row.structureName();
				current[0][2] = row.departementCode();
				current[0][3] = row.dataYear();
				current[0][4] = row.status();
			}
			if (row.code() != null) {
				Integer column = columns.get(column(repeated, row.code(), row.item()));
				if (column != null) {
					current[0][column] = row.value();
				}
			}
		});
		if (current[0] != null) {
			append(table, java.util.Arrays.asList(current[0]));
		}
	}

	/** A wide column's name: the code, with {@code #item} in repeat groups. */
	static String column(Set<String> repeated, String code, int item) {
		return (repeated.contains(code) || item != 0) ? code + "#" + item : code;
	}

	private static void append(Table table, List<Object> line) {
		try {
			table.row(line);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A file being written, header first. */
	private interface Table extends AutoCloseable {

		/** The header; answers (numbers in a workbook) from column {@code valuesFrom}. */
		void header(List<String> header, int valuesFrom) throws IOException;

		void row(List<Object> values) throws IOException;

		@Override
		void close() throws IOException;

	}

	private static final class CsvTable implements Table {

		private final Writer writer;

		private final CSVPrinter printer;

		CsvTable(OutputStream out) throws IOException {
			this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			this.writer.write('\uFEFF');
			this.printer = new CSVPrinter(this.writer,
					CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
		}

		@Override
		public void header(List<String> header, int valuesFrom) throws IOException {
			this.printer.printRecord(header);
		}

		@Override
		public void row(List<Object> values) throws IOException {
			List<String> cells = new ArrayList<>(values.size());
			for (Object value : values) {
				cells.add((value == null) ? "" : csvSafe(value.toString()));
			}
			this.printer.printRecord(cells);
		}

		@Override
		public void close() throws IOException {
			this.printer.flush();
		}

	}

	/** Text a spreadsheet would take for a formula gets a leading apostrophe. */
	static String csvSafe(String text) {
		if (text.isEmpty() || "=@\t\r+-".indexOf(text.charAt(0)) < 0) {
			return text;
		}
		return FORMULA.matcher(text).matches() ? "'" + text : text;
	}

	private static final class XlsxTable implements Table {

		private final OutputStream out;

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

		private final Sheet sheet;

		private int index;

		private int valuesFrom;

		XlsxTable(OutputStream out, String sheetName) {
			this.out = out;
			this.sheet = this.workbook.createSheet(sheetName);
		}

		@Override
		public void header(List<String> header, int valuesFrom) {
			this.valuesFrom = valuesFrom;
			Font bold = this.workbook.createFont();
			bold.setBold(true);
			CellStyle style = this.workbook.createCellStyle();
			style.setFont(bold);
			Row row = this.sheet.createRow(this.index++);
			for (int i = 0; i < header.size(); i++) {
				Cell cell = row.createCell(i);
				cell.setCellValue(header.get(i));
				cell.setCellStyle(style);
				if (i < valuesFrom) {
					// One call per column rebuilds POI's column list: only the first few.
					this.sheet.setColumnWidth(i, Math.clamp(header.get(i).length() + 4, 10, 40) * 256);
				}
			}
			this.sheet.setDefaultColumnWidth(16);
			this.sheet.createFreezePane(0, 1);
		}

		@Override
		public void row(List<Object> values) {
			Row row = this.sheet.createRow(this.index++);
			for (int i = 0; i < values.size(); i++) {
				Object value = values.get(i);
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else if (i >= this.valuesFrom && NUMBER.matcher(value.toString()).matches()) {
					cell.setCellValue(Double.parseDouble(value.toString()));
				}
				else {
					cell.setCellValue(value.toString());
				}
			}
		}

		@Override
		public void close() throws IOException {
			try {
				this.workbook.write(this.out);
			}
			finally {
				this.workbook.close();
			}
		}

	}

}
