package fr.maillage.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Looks at an uploaded workbook as the zip it is, before the spreadsheet library parses
 * it: that it holds a workbook, has few entries, and inflates to little. Inflated bytes
 * are counted as they come (the sizes a zip declares may lie), so a zip bomb stops at
 * {@value #MAX_UNZIPPED_BYTES} bytes. POI's own {@code ZipSecureFile} ratio check stays
 * on besides; its settings are global, so they are left as they are.
 */
final class WorkbookZip {

	static final long MAX_UNZIPPED_BYTES = 10L * 1024 * 1024;

	static final int MAX_ENTRIES = 200;

	static final String UNREADABLE = "le fichier n’est pas un classeur XLSX lisible : enregistrez-le au format "
			+ "« Classeur Excel (.xlsx) » et déposez-le de nouveau.";

	private WorkbookZip() {
	}

	/** Why the bytes are no workbook to open, in French; empty if they may be opened. */
	static Optional<String> problem(byte[] bytes) {
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
			List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
			if (entries.size() > MAX_ENTRIES) {
				return Optional.of("le classeur contient trop de fichiers internes (" + entries.size()
						+ ") : ce n’est pas un classeur de questionnaire.");
			}
			if (zip.getEntry("[Content_Types].xml") == null
					|| entries.stream().noneMatch(entry -> entry.getName().startsWith("xl/"))) {
				return Optional.of("le fichier est une archive zip, mais pas un classeur XLSX.");
			}
			long total = 0;
			for (ZipArchiveEntry entry : entries) {
				try (InputStream in = zip.getInputStream(entry)) {
					total += count(in, MAX_UNZIPPED_BYTES - total + 1);
				}
				if (total > MAX_UNZIPPED_BYTES) {
					return Optional.of("le classeur dépasse " + MAX_UNZIPPED_BYTES / (1024 * 1024)
							+ " Mo une fois décompressé : ce n’est pas un classeur de questionnaire.");
				}
			}
			return Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			// Not a zip, a truncated one, an entry compressed in a way nothing reads…
			return Optional.of(UNREADABLE);
		}
	}

	/** Reads at most {@code limit} bytes, returning how many there were. */
	private static long count(InputStream in, long limit) throws IOException {
		byte[] buffer = new byte[8192];
		long read = 0;
		int n;
		while (read < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - read))) > 0) {
			read += n;
		}
		return read;
	}

}
