package fr.maillage.structure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Social project documents are recognised by their content, from an allowlist. */
class DocumentTypesTest {

	@Test
	void recognisesPdfOfficeOpenXmlAndOpenDocument() throws Exception {
		assertThat(DocumentTypes.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).hasValue("application/pdf");
		assertThat(DocumentTypes.detect(zip("[Content_Types].xml", "xl/workbook.xml")))
			.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(DocumentTypes.detect(odf("application/vnd.oasis.opendocument.text")))
			.hasValue("application/vnd.oasis.opendocument.text");
	}

	@Test
	void refusesArchivesAndCompoundFilesThatAreNotOfficeDocuments() throws Exception {
		assertThat(DocumentTypes.detect(zip("META-INF/MANIFEST.MF", "fr/Outil.class"))).isEmpty();
		assertThat(DocumentTypes.detect(zip("[Content_Types].xml", "word/media/image1.png"))).isEmpty();
		assertThat(DocumentTypes.detect(odf("application/vnd.oasis.opendocument.autre"))).isEmpty();
		assertThat(DocumentTypes.detect(compound("WordDocument"))).hasValue("application/msword");
		assertThat(DocumentTypes.detect(compound("Workbook"))).hasValue("application/vnd.ms-excel");
		// An installer is a compound file too, without an Office stream.
		assertThat(DocumentTypes.detect(compound("!_StringPool"))).isEmpty();
		assertThat(DocumentTypes.detect(new byte[] { 0x4d, 0x5a, (byte) 0x90, 0 })).isEmpty();
	}

	@Test
	void theStoredNameTakesTheExtensionOfTheTypeFound() {
		assertThat(Approvals.withExtension("diagnostic.pdf", "docx")).isEqualTo("diagnostic.docx");
		assertThat(Approvals.withExtension("outil.tar.exe", "pdf")).isEqualTo("outil.tar.pdf");
		assertThat(Approvals.withExtension("projet", "odt")).isEqualTo("projet.odt");
		assertThat(Approvals.cleanFileName("C:\\Users\\moi\\projet\u0007.pdf")).isEqualTo("projet.pdf");
	}

	private static byte[] zip(String... entries) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toByteArray();
	}

	private static byte[] odf(String mimetype) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("mimetype"));
			zip.write(mimetype.getBytes(StandardCharsets.US_ASCII));
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static byte[] compound(String stream) throws Exception {
		try (POIFSFileSystem compound = new POIFSFileSystem();
				ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			compound.createDocument(new ByteArrayInputStream(new byte[600]), stream);
			compound.writeFilesystem(bytes);
			return bytes.toByteArray();
		}
	}

}
