package fr.maillage.structure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded import file into rows of text cells, whatever it is: an XLSX workbook
 * (its first sheet), or a CSV file in UTF-8 (with or without BOM) or Windows-1252,
 * separated by semicolons (French Excel) or commas. Anything else is refused with a
 * French message. Cells read from a workbook are the text a person would have typed: a
 * date cell gives dd/MM/yyyy, a number its plain digits (an INSEE code typed as a number
 * loses its leading zero, which {@link StructureInput} restores).
 */
final class ImportFiles {

	/** Import files are refused above this size (the upload limit is higher). */
	static final long MAX_BYTES = 10L * 1024 * 1024;

	/** Lines of data at most (the whole national registry is about 4,000). */
	static final int MAX_ROWS = 10_000;

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private ImportFiles() {
	}

	/** A line of the file: its number as the spreadsheet shows it (1 = header). */
	record Line(int number, List<String> cells) {

		boolean blank() {
			return this.cells.stream().allMatch(String::isBlank);
		}

		String cell(int index) {
			return (index < this.cells.size()) ? this.cells.get(index) : "";
		}

	}

	/** The header line and the lines after it. */
	record Table(Line header, List<Line> lines) {
	}

	/** The file cannot be read at all: a message key and its arguments. */
	static final class UnreadableFileException extends Exception {

		private final String key;

		private final List<Object> arguments;

		UnreadableFileException(String key, Object... arguments) {
			super(key);
			this.key = key;
			this.arguments = List.of(arguments);
		}

		String key() {
			return this.key;
		}

		List<Object> arguments() {
			return this.arguments;
		}

	}

	static Table read(byte[] bytes) throws UnreadableFileException {
		if (bytes == null || bytes.length == 0) {
			throw new UnreadableFileException("structure.import.error.empty-file");
		}
		if (bytes.length > MAX_BYTES) {
			throw new UnreadableFileException("structure.import.error.too-large", MAX_BYTES / (1024 * 1024));
		}
		if (startsWith(bytes, 'P', 'K', 3, 4)) {
			return readWorkbook(bytes);
		}
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw new UnreadableFileException("structure.import.error.xls");
		}
		return readCsv(decode(bytes));
	}

	private static boolean startsWith(byte[] bytes, int... magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** UTF-8 when the bytes are valid UTF-8, else Windows-1252; never binary content. */
	static String decode(byte[] bytes) throws UnreadableFileException {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			text = new String(bytes, WINDOWS_1252);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		boolean binary = text.startsWith("%PDF") || text.chars()
			.anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0) || c == 0xFFFD);
		if (binary) {
			throw new UnreadableFileException("structure.import.error.type");
		}
		return text;
	}

	static Table readCsv(String text) throws UnreadableFileException {
		if (text.isBlank()) {
			throw new UnreadableFileException("structure.import.error.empty-file");
		}
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(separator(text))
			.setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(false)
			.get();
		List<Line> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			for (CSVRecord record : parser) {
				if (lines.size() > MAX_ROWS + 1) {
					throw new UnreadableFileException("structure.import.error.too-many", MAX_ROWS);
				}
				lines.add(new Line((int) record.getRecordNumber(), record.toList()));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			// An unclosed quote, usually: say where the parser stood.
			throw new UnreadableFileException("structure.import.error.csv", lines.size() + 1);
		}
		return table(lines);
	}

	/** The separator of the header line: semicolon unless it has more commas. */
	private static char separator(String text) {
		int end = text.indexOf('\n');
		String header = (end >= 0) ? text.substring(0, end) : text;
		long semicolons = header.chars().filter(c -> c == ';').count();
		long commas = header.chars().filter(c -> c == ',').count();
		return (commas > semicolons) ? ',' : ';';
	}

	static Table readWorkbook(byte[] bytes) throws UnreadableFileException {
		if (!looksLikeXlsx(bytes)) {
			throw new UnreadableFileException("structure.import.error.type");
		}
		List<Line> lines = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new UnreadableFileException("structure.import.error.empty-file");
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS + 1) {
				throw new UnreadableFileException("structure.import.error.too-many", MAX_ROWS);
			}
			// As wide as the header, plus one column so that a value beyond it is still
			// reported; a stray cell in column XFD must not make every row 16,384 cells.
			Row header = sheet.getRow(sheet.getFirstRowNum());
			int headerWidth = (header != null) ? Math.max(0, header.getLastCellNum()) : 0;
			int width = 0;
			for (Row row : sheet) {
				width = Math.max(width, Math.min(row.getLastCellNum(), headerWidth + 1));
			}
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>(width);
				for (int i = 0; i < width; i++) {
					cells.add(text(row.getCell(i)));
				}
				lines.add(new Line(row.getRowNum() + 1, cells));
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableFileException("structure.import.error.type");
		}
		return table(lines);
	}

	/**
	 * An XLSX workbook is a zip holding {@code [Content_Types].xml} and {@code xl/}.
	 * Reads the zip's central directory only (spreadsheet tools write entries that the
	 * JDK's streaming reader refuses).
	 */
	private static boolean looksLikeXlsx(byte[] bytes) {
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
			return zip.getEntry("[Content_Types].xml") != null
					&& Collections.list(zip.getEntries()).stream().anyMatch(entry -> entry.getName().startsWith("xl/"));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** What a person typed into the cell, as text. */
	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> cell.getBooleanCellValue() ? StructureCells.YES : StructureCells.NO;
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? StructureCells.DATE.format(cell.getLocalDateTimeCellValue().toLocalDate())
					: number(cell.getNumericCellValue());
			default -> "";
		};
	}

	/** 1004.0 → "1004", 42.6987 → "42.6987": the shortest decimal of the double. */
	private static String number(double value) {
		BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
		return (decimal.signum() == 0) ? "0" : decimal.toPlainString();
	}

	/** Drops blank lines at the start; the first line left is the header. */
	private static Table table(List<Line> lines) throws UnreadableFileException {
		int first = 0;
		while (first < lines.size() && lines.get(first).blank()) {
			first++;
		}
		if (first == lines.size()) {
			throw new UnreadableFileException("structure.import.error.empty-file");
		}
		List<Line> data = lines.subList(first + 1, lines.size()).stream().filter(line -> !line.blank()).toList();
		if (data.isEmpty()) {
			throw new UnreadableFileException("structure.import.error.header-only");
		}
		if (data.size() > MAX_ROWS) {
			throw new UnreadableFileException("structure.import.error.too-many", MAX_ROWS);
		}
		return new Table(lines.get(first), data);
	}

}
