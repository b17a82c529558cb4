package fr.maillage.observatory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table of a page as a download: the same rows in CSV (UTF-8 with a byte order mark for
 * spreadsheet programs, {@code ;} between fields, decimal comma, as French spreadsheets
 * expect) and in XLSX (numbers as numbers). A secret figure is the words "secret
 * statistique", never a number, in both.
 *
 * @param rows each cell a {@link String}, a {@link BigDecimal} or null
 */
record ExportTable(String name, String title, List<String> headers, List<List<Object>> rows) {

	byte[] csv() {
		StringBuilder out = new StringBuilder("\uFEFF");
		line(out, List.copyOf(this.headers));
		for (List<Object> row : this.rows) {
			line(out, row);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void line(StringBuilder out, List<?> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(';');
			}
			Object cell = cells.get(i);
			String text = (cell instanceof BigDecimal number) ? number.toPlainString().replace('.', ',')
					: (cell != null) ? cell.toString() : "";
			if (text.contains(";") || text.contains("\"") || text.contains("\n")) {
				text = '"' + text.replace("\"", "\"\"") + '"';
			}
			out.append(text);
		}
		out.append("\r\n");
	}

	byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(this.name);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue(this.title);
			title.getCell(0).setCellStyle(bold);
			Row header = sheet.createRow(1);
			for (int i = 0; i < this.headers.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(this.headers.get(i));
				cell.setCellStyle(bold);
			}
			int r = 2;
			for (List<Object> values : this.rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value instanceof BigDecimal number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						row.createCell(i).setCellValue(value.toString());
					}
				}
			}
			sheet.setColumnWidth(0, 12 * 256);
			sheet.setColumnWidth(1, 50 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
