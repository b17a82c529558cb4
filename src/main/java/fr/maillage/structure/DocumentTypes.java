package fr.maillage.structure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

	private DocumentTypes() {
	}

	/** The media type the content shows, if it is an accepted document. */
	static Optional<String> detect(byte[] content, String fileName) {
		if (startsWith(content, PDF)) {
			return Optional.of("application/pdf");
		}
		if (startsWith(content, ZIP)) {
			return zipDocument(content);
		}
		if (startsWith(content, OLE2)) {
			// The compound file does not say which application wrote it without parsing
			// its
			// directory; the name chooses among the three, the content proved the family.
			String name = (fileName != null) ? fileName.toLowerCase(java.util.Locale.ROOT) : "";
			if (name.endsWith(".xls")) {
				return Optional.of("application/vnd.ms-excel");
			}
			if (name.endsWith(".ppt")) {
				return Optional.of("application/vnd.ms-powerpoint");
			}
			return Optional.of("application/msword");
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
					if (mimetype.startsWith("application/vnd.oasis.opendocument.")) {
						return Optional.of(mimetype);
					}
				}
				first = false;
				if (name.equals("[Content_Types].xml")) {
					contentTypes = true;
				}
				else if (name.startsWith("word/")) {
					ooxml = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
				}
				else if (name.startsWith("xl/")) {
					ooxml = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				}
				else if (name.startsWith("ppt/")) {
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
