package fr.maillage.structure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes registry files (exports and import templates) in the two formats the import
 * reads: CSV for French Excel (semicolons, UTF-8 with BOM, CRLF) and XLSX (streamed, bold
 * frozen header, real date and number cells).
 */
final class RegistryFiles {

	static final String CSV_TYPE = "text/csv;charset=UTF-8";

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/**
	 * Text Excel would run as a formula: "=…", "@…", a tab or carriage return first, or a
	 * sign before anything but a plain number ("+33 1 23 45 67 89" is a formula to
	 * Excel).
	 */
	private static final Pattern FORMULA = Pattern.compile("[=@\\t\\r].*|[+-](?![0-9]+([.,][0-9]+)?$).*",
			Pattern.DOTALL);

	private static final int MIN_WIDTH = 6;

	private static final int MAX_WIDTH = 60;

	private RegistryFiles() {
	}

	/** Writes a header and rows of typed values as CSV. */
	static void writeCsv(OutputStream out, List<String> header, Iterable<List<Object>> rows) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
		CSVPrinter printer = new CSVPrinter(writer, format);
		printer.printRecord(header);
		for (List<Object> row : rows) {
			printer.printRecord(row.stream().map(value -> csvSafe(StructureCells.text(value))).toList());
		}
		printer.flush();
	}

	/**
	 * Text a spreadsheet would take for a formula gets a leading apostrophe, which the
	 * import removes.
	 */
	static String csvSafe(String text) {
		return FORMULA.matcher(text).matches() ? "'" + text : text;
	}

	/** Writes a header and rows of typed values as an XLSX workbook of one sheet. */
	static void writeXlsx(OutputStream out, String sheetName, List<String> header, Iterable<List<Object>> rows)
			throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet(sheetName);
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle headerStyle = workbook.createCellStyle();
			headerStyle.setFont(bold);
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			int[] widths = new int[header.size()];
			Row headerRow = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				Cell cell = headerRow.createCell(i);
				cell.setCellValue(header.get(i));
				cell.setCellStyle(headerStyle);
				widths[i] = header.get(i).length() + 2;
			}
			sheet.createFreezePane(0, 1);
			int index = 1;
			for (List<Object> values : rows) {
				Row row = sheet.createRow(index++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(i);
					switch (value) {
						case LocalDate date -> {
							cell.setCellValue(date);
							cell.setCellStyle(dateStyle);
						}
						case Number number -> cell.setCellValue(number.doubleValue());
						default -> cell.setCellValue(value.toString());
					}
					widths[i] = Math.max(widths[i], StructureCells.text(value).length() + 1);
				}
			}
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, Math.clamp(widths[i], MIN_WIDTH, MAX_WIDTH) * 256);
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

}
