package fr.maillage.observatory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * The coverage tables as files. CSV for French spreadsheets: UTF-8 with a byte order
 * mark, semicolons, CRLF, and decimals written with a comma ({@code 12,5}) as French
 * Excel and LibreOffice read them; in XLSX, numbers are number cells. Shares are percents
 * rounded to one decimal.
 */
final class CoverageFiles {

	static final String CSV_TYPE = "text/csv;charset=UTF-8";

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> DEPARTEMENT_HEADER = List.of("code_departement", "departement", "communes",
			"communes_non_desservies", "part_communes_non_desservies_pct", "population", "population_non_desservie",
			"part_population_non_desservie_pct", "centres_sociaux", "espaces_de_vie_sociale", "structures",
			"habitants_par_structure", "structures_rurales", "part_structures_rurales_pct");

	static final List<String> COMMUNE_HEADER = List.of("code_insee", "commune", "population");

	private CoverageFiles() {
	}

	/** A département's line, in the order of {@link #DEPARTEMENT_HEADER}. */
	static List<Object> row(CoverageFigures figures) {
		List<Object> row = new ArrayList<>();
		row.add(figures.code());
		row.add(figures.name());
		row.add(figures.communes());
		row.add(figures.unservedCommunes());
		row.add(share(figures.unservedCommuneShare()));
		row.add(figures.population());
		row.add(figures.unservedPopulation());
		row.add(share(figures.unservedPopulationShare()));
		row.add(figures.centresSociaux());
		row.add(figures.espacesDeVieSociale());
		row.add(figures.structures());
		row.add(figures.populationPerStructure());
		row.add(figures.ruralStructures());
		row.add(share(figures.ruralStructureShare()));
		return row;
	}

	/** A commune's line, in the order of {@link #COMMUNE_HEADER}. */
	static List<Object> row(CoverageCommune commune) {
		return List.of(commune.code(), commune.name(), commune.population());
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
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(sheetName);
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle style = workbook.createCellStyle();
			style.setFont(bold);
			Row first = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				Cell cell = first.createCell(i);
				cell.setCellValue(header.get(i));
				cell.setCellStyle(style);
				sheet.setColumnWidth(i, Math.clamp(header.get(i).length() + 4, 12, 40) * 256);
			}
			sheet.createFreezePane(0, 1);
			int index = 1;
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

	/** A percent rounded to one decimal; {@code null} stays {@code null}. */
	private static BigDecimal share(Double percent) {
		return (percent == null) ? null : BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP);
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
