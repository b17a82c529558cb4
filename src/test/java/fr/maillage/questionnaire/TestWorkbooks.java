package fr.maillage.questionnaire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks for tests, written as text: each sheet is a name followed by its rows, cells
 * separated by {@code |}. Cells that look like numbers become number cells, as a person
 * typing them in a spreadsheet would make them.
 */
final class TestWorkbooks {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private TestWorkbooks() {
	}

	/** {@code workbook("settings", rows, "survey", rows…)}. */
	static byte[] workbook(String... namesAndRows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < namesAndRows.length; i += 2) {
				Sheet sheet = workbook.createSheet(namesAndRows[i]);
				String[] lines = namesAndRows[i + 1].split("\n", -1);
				for (int r = 0; r < lines.length; r++) {
					if (lines[r].isBlank()) {
						continue;
					}
					Row row = sheet.createRow(r);
					String[] cells = lines[r].split("\\|", -1);
					for (int c = 0; c < cells.length; c++) {
						String cell = cells[c].strip();
						if (cell.isEmpty()) {
							continue;
						}
						if (NUMBER.matcher(cell).matches()) {
							row.createCell(c).setCellValue(Double.parseDouble(cell));
						}
						else {
							row.createCell(c).setCellValue(cell);
						}
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
