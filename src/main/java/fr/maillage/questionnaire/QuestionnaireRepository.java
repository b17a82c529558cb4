package fr.maillage.questionnaire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published questionnaire versions: public reference data, hence unscoped. */
@Repository
class QuestionnaireRepository {

	private final JdbcClient jdbc;

	QuestionnaireRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A published version, without its source. */
	record Published(long id, String family, String version, String title, Instant publishedAt) {
	}

	@Unscoped("published questionnaires are public")
	List<Published> published() {
		return this.jdbc
			.sql("select id, family, version, title, published_at from questionnaire_version"
					+ " order by family, published_at, id")
			.query(Published.class)
			.list();
	}

	@Unscoped("published questionnaires are public")
	Optional<String> source(long id) {
		return this.jdbc.sql("select source from questionnaire_version where id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	@Unscoped("published questionnaires are public")
	Optional<Long> idOf(String family, String version) {
		return this.jdbc.sql("select id from questionnaire_version where family = ? and version = ?")
			.params(family, version)
			.query(Long.class)
			.optional();
	}

	@Unscoped("published questionnaires are public")
	List<String> sourcesOf(String family) {
		return this.jdbc.sql("select source from questionnaire_version where family = ? order by published_at, id")
			.param(family)
			.query(String.class)
			.list();
	}

	/** Stores a version; empty if that family already has that version. */
	Optional<Long> insert(Definition definition, String source, String sha256, Instant now, Long userId) {
		return this.jdbc.sql("""
				insert into questionnaire_version (family, version, title, source, sha256, published_at, published_by)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (family, version) do nothing returning id""")
			.params(definition.family(), definition.version(), definition.title(), source, sha256,
					now.atOffset(ZoneOffset.UTC), userId)
			.query(Long.class)
			.optional();
	}

}
