package fr.maillage.observatory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			TableFiles.writeCsv(out, this.headers, this.rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	byte[] xlsx() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			TableFiles.writeXlsx(out, this.name, this.title, this.headers, this.rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
