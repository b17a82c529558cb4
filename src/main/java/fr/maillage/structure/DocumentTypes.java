package fr.maillage.structure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Recognises the documents a social project may carry from their content, never from
 * their name: PDF, Office Open XML (Word, Excel, PowerPoint), OpenDocument (text,
 * spreadsheet, presentation) and the legacy Office formats. An executable renamed
 * "projet.pdf" is none of these.
 */
final class DocumentTypes {

	static final int MAX_BYTES = 20 * 1024 * 1024;

	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	/** The accepted types and their extensions. */
	private static final Map<String, String> EXTENSIONS = Map.of("application/pdf", "pdf", "application/msword", "doc",
			"application/vnd.ms-excel", "xls", "application/vnd.ms-powerpoint", "ppt",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
			"application/vnd.oasis.opendocument.text", "odt", "application/vnd.oasis.opendocument.spreadsheet", "ods",
			"application/vnd.oasis.opendocument.presentation", "odp");

	private DocumentTypes() {
	}

	/** The media type the content shows, if it is an accepted document. */
	static Optional<String> detect(byte[] content) {
		if (startsWith(content, PDF)) {
			return Optional.of("application/pdf");
		}
		if (startsWith(content, ZIP)) {
			return zipDocument(content);
		}
		if (startsWith(content, OLE2)) {
			return compoundDocument(content);
		}
		return Optional.empty();
	}

	/** The extension that goes with a detected type, for the stored file name. */
	static String extension(String mediaType) {
		return EXTENSIONS.get(mediaType);
	}

	/**
	 * Legacy Office files are compound files whose main stream names the application; an
	 * installer (.msi) or any other compound file has none of them.
	 */
	private static Optional<String> compoundDocument(byte[] content) {
		try (POIFSFileSystem compound = new POIFSFileSystem(new ByteArrayInputStream(content))) {
			DirectoryNode root = compound.getRoot();
			if (root.hasEntry("WordDocument")) {
				return Optional.of("application/msword");
			}
			if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
				return Optional.of("application/vnd.ms-excel");
			}
			if (root.hasEntry("PowerPoint Document")) {
				return Optional.of("application/vnd.ms-powerpoint");
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not a readable compound file: not a document.
		}
		return Optional.empty();
	}

	private static Optional<String> zipDocument(byte[] content) {
		boolean contentTypes = false;
		String ooxml = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			boolean first = true;
			while ((entry = zip.getNextEntry()) != null) {
				String name = entry.getName();
				if (first && name.equals("mimetype")) {
					String mimetype = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
					if (EXTENSIONS.containsKey(mimetype)) {
						return Optional.of(mimetype);
					}
					return Optional.empty();
				}
				first = false;
				if (name.equals("[Content_Types].xml")) {
					contentTypes = true;
				}
				else if (name.equals("word/document.xml")) {
					ooxml = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
				}
				else if (name.equals("xl/workbook.xml")) {
					ooxml = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				}
				else if (name.equals("ppt/presentation.xml")) {
					ooxml = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
				}
				if (contentTypes && ooxml != null) {
					return Optional.of(ooxml);
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			// Not a readable archive: not a document.
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

}
