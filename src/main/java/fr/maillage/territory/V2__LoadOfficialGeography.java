package fr.maillage.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the committed geography files with PostgreSQL's COPY (35,000 communes in well
 * under a second). Its checksum covers the files, so editing them after this migration
 * ran is reported by Flyway's validation: a new yearly geography is a new migration.
 */
@Component
class V2__LoadOfficialGeography extends BaseJavaMigration {

	private static final List<String> FILES = List.of("regions", "departements", "communes");

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		copy(connection, "regions", "copy region (code, name, zone) from stdin " + tsv());
		copy(connection, "departements", "copy departement (code, name, region_code, zone) from stdin " + tsv());
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					create temporary table commune_import (code text, name text, departement_code text,
					    region_code text, postal_codes text, population integer) on commit drop""");
		}
		copy(connection, "communes", "copy commune_import from stdin " + tsv());
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					insert into commune (code, name, departement_code, region_code, postal_codes, population)
					select code, name, departement_code, region_code,
					       coalesce(string_to_array(nullif(postal_codes, ''), ' '), '{}'), population
					from commune_import""");
		}
	}

	/**
	 * Tab-separated with a header; quotes are ordinary characters (names hold
	 * apostrophes).
	 */
	private static String tsv() {
		return "with (format csv, delimiter E'\\t', header true, quote E'\\x01')";
	}

	private static void copy(Connection connection, String file, String sql) throws SQLException, IOException {
		try (Reader reader = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, reader);
		}
	}

	private static InputStream open(String file) throws IOException {
		return new ClassPathResource("territory/" + file + ".tsv").getInputStream();
	}

	@Override
	public Integer getChecksum() {
		CRC32 crc = new CRC32();
		try {
			for (String file : FILES) {
				try (InputStream in = open(file)) {
					crc.update(in.readAllBytes());
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Geography data missing from the classpath", ex);
		}
		return (int) crc.getValue();
	}

}
