package fr.maillage.observatory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The observatory's tables as files, one way for all of them (key figures, maps,
 * comparisons, coverage). CSV for French spreadsheets: UTF-8 with a byte order mark,
 * semicolons, CRLF, decimals written with a comma ({@code 12,5}) as French Excel and
 * LibreOffice read them, and no cell a spreadsheet could take for a formula; in XLSX,
 * numbers are number cells.
 */
final class TableFiles {

	static final String CSV_TYPE = "text/csv;charset=UTF-8";

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private TableFiles() {
	}

	static void writeCsv(OutputStream out, List<String> header, List<List<Object>> rows) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer,
				CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
		printer.printRecord(header);
		for (List<Object> row : rows) {
			List<String> cells = new ArrayList<>(row.size());
			for (Object value : row) {
				cells.add(csvCell(value));
			}
			printer.printRecord(cells);
		}
		printer.flush();
	}

	static void writeXlsx(OutputStream out, String sheetName, List<String> header, List<List<Object>> rows)
			throws IOException {
		writeXlsx(out, sheetName, null, header, rows);
	}

	/**
	 * @param title a line above the header (what the table is, its status, its licence),
	 * or null
	 */
	static void writeXlsx(OutputStream out, String sheetName, String title, List<String> header,
			List<List<Object>> rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(sheetName);
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle style = workbook.createCellStyle();
			style.setFont(bold);
			int index = 0;
			if (title != null) {
				Row line = sheet.createRow(index++);
				line.createCell(0).setCellValue(title);
				line.getCell(0).setCellStyle(style);
			}
			Row first = sheet.createRow(index++);
			for (int i = 0; i < header.size(); i++) {
				Cell cell = first.createCell(i);
				cell.setCellValue(header.get(i));
				cell.setCellStyle(style);
				sheet.setColumnWidth(i, Math.clamp(header.get(i).length() + 4, 12, 40) * 256);
			}
			sheet.createFreezePane(0, index);
			for (List<Object> values : rows) {
				Row row = sheet.createRow(index++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value instanceof Number number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						row.createCell(i).setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
		}
	}

	private static String csvCell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString().replace('.', ',');
		}
		String text = value.toString();
		// Names come from the official geography, but a spreadsheet must never take a
		// cell for a formula.
		return (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

}
