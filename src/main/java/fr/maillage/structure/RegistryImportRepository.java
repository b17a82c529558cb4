package fr.maillage.structure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import files kept between their preview and their confirmation (ADR 17), for a day at
 * most, readable by their uploader only.
 */
@Repository
class RegistryImportRepository {

	/** How long an unconfirmed file is kept. */
	static final Duration KEPT = Duration.ofDays(1);

	/** A stored file. */
	record StoredFile(long id, String fileName, byte[] content, String sha256) {
	}

	private final JdbcClient jdbc;

	RegistryImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a file for its uploader; removes the files left unconfirmed too long. */
	long store(long userId, String fileName, byte[] content, Instant now) {
		this.jdbc.sql("delete from registry_import where created_at < ?").param(utc(now.minus(KEPT))).update();
		return this.jdbc.sql("""
				insert into registry_import (user_id, file_name, content, sha256, created_at)
				values (?, ?, ?, ?, ?) returning id""")
			.params(userId, fileName, content, sha256(content), utc(now))
			.query(Long.class)
			.single();
	}

	@Unscoped("a stored import file is read by its uploader only: the query filters on the user's id")
	Optional<StoredFile> findOwn(long id, long userId, Instant now) {
		return this.jdbc.sql("""
				select id, file_name, content, sha256 from registry_import
				where id = ? and user_id = ? and created_at >= ?""")
			.params(id, userId, utc(now.minus(KEPT)))
			.query((rs, row) -> new StoredFile(rs.getLong("id"), rs.getString("file_name"), rs.getBytes("content"),
					rs.getString("sha256")))
			.optional()
			.filter(file -> file.sha256().equals(sha256(file.content())));
	}

	/**
	 * Removes a file once confirmed; false if it was gone (confirmed already). Locks the
	 * row: a concurrent confirmation of the same file waits, then finds it gone.
	 */
	boolean delete(long id, long userId) {
		return this.jdbc.sql("delete from registry_import where id = ? and user_id = ?")
			.params(id, userId)
			.update() == 1;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * The uploaded file's own name, without any folder a browser sent, 200 characters at
	 * most.
	 */
	static String displayName(String fileName) {
		String name = (fileName == null) ? "" : fileName;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		name = name.isEmpty() ? "import" : name;
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

}
