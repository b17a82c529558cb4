package fr.maillage.structure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.maillage.structure.ImportFiles.Table;
import fr.maillage.structure.ImportFiles.UnreadableFileException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading import files, and the files the exports write read back the same. */
class ImportFilesTest {

	@Test
	void readsSemicolonWindows1252WithQuotedSeparatorsNewlinesAndQuotes() throws Exception {
		String csv = "nom;historique\r\n\"Le Lien; quartier\";\"Deux\r\nlignes, et des \"\"guillemets\"\"\"\r\n\r\nLa Ruche;é\r\n";
		Table table = ImportFiles.read(csv.getBytes(Charset.forName("windows-1252")));
		assertThat(table.header().cells()).containsExactly("nom", "historique");
		assertThat(table.lines()).hasSize(2);
		assertThat(table.lines().get(0).cells()).containsExactly("Le Lien; quartier",
				"Deux\r\nlignes, et des \"guillemets\"");
		assertThat(table.lines().get(1).number()).isEqualTo(4);
		assertThat(table.lines().get(1).cells()).containsExactly("La Ruche", "é");
	}

	@Test
	void readsCommaSeparatedUtf8WithBom() throws Exception {
		Table table = ImportFiles.read("\uFEFFnom,type\nL’Escale,\"CS\"\n".getBytes(StandardCharsets.UTF_8));
		assertThat(table.header().cells()).containsExactly("nom", "type");
		assertThat(table.lines().getFirst().cells()).containsExactly("L’Escale", "CS");
	}

	@Test
	void writtenFilesReadBackCellForCell() throws Exception {
		List<Object> example = RegistryImportController.example();
		List<String> texts = example.stream().map(StructureCells::text).toList();

		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		RegistryFiles.writeCsv(csv, StructureCells.headers(), List.of(example));
		Table fromCsv = ImportFiles.read(csv.toByteArray());
		assertThat(fromCsv.header().cells()).isEqualTo(StructureCells.headers());
		assertThat(fromCsv.lines().getFirst().cells()).isEqualTo(texts);

		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		RegistryFiles.writeXlsx(xlsx, "registre", StructureCells.headers(), List.of(example));
		Table fromXlsx = ImportFiles.read(xlsx.toByteArray());
		assertThat(fromXlsx.header().cells()).isEqualTo(StructureCells.headers());
		assertThat(fromXlsx.lines().getFirst().cells()).isEqualTo(texts);
	}

	@Test
	void protectsFormulasInCsvOnly() {
		assertThat(RegistryFiles.csvSafe("=SOMME(A1)")).isEqualTo("'=SOMME(A1)");
		assertThat(RegistryFiles.csvSafe("@cmd")).isEqualTo("'@cmd");
		assertThat(RegistryFiles.csvSafe("-2+3")).isEqualTo("'-2+3");
		// Excel reads a sign then spaces as a formula (#NULL!): the phone number is
		// quoted.
		assertThat(RegistryFiles.csvSafe("+33 4 68 00 00 00")).isEqualTo("'+33 4 68 00 00 00");
		assertThat(RegistryFiles.csvSafe("\tcmd")).isEqualTo("'\tcmd");
		assertThat(RegistryFiles.csvSafe("-21.1234")).isEqualTo("-21.1234");
		assertThat(RegistryFiles.csvSafe("04 68 00 00 00")).isEqualTo("04 68 00 00 00");
	}

	@Test
	void refusesWhatIsNotACsvNorAWorkbook() {
		assertThatThrownBy(() -> ImportFiles.read(new byte[0])).isInstanceOf(UnreadableFileException.class)
			.hasMessage("structure.import.error.empty-file");
		assertThatThrownBy(() -> ImportFiles.read("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))
			.hasMessage("structure.import.error.type");
		assertThatThrownBy(() -> ImportFiles.read(new byte[] { 0, 1, 2, 3, 'a' }))
			.hasMessage("structure.import.error.type");
		assertThatThrownBy(() -> ImportFiles.read(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0 }))
			.hasMessage("structure.import.error.xls");
		assertThatThrownBy(() -> ImportFiles.read("nom;type\n".getBytes(StandardCharsets.UTF_8)))
			.hasMessage("structure.import.error.header-only");
		assertThatThrownBy(() -> ImportFiles.read("nom;type\n\"ouvert;CS\n".getBytes(StandardCharsets.UTF_8)))
			.hasMessage("structure.import.error.csv");
	}

}
