package fr.maillage.campaign;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored answers and their history. Callers reach them through a response they have
 * already found within their scope ({@link Responses#find}), so these reads take the
 * response id only.
 */
@Repository
class AnswerRepository {

	private final JdbcClient jdbc;

	AnswerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One stored value with its field version. */
	record Stored(String code, int item, String value, int version) {
	}

	@Unscoped("the caller found the response within its scope first")
	List<Stored> of(long responseId) {
		return this.jdbc.sql("select code, item, value, version from answer where response_id = ? order by code, item")
			.param(responseId)
			.query(Stored.class)
			.list();
	}

	@Unscoped("the caller found the response within its scope first")
	Optional<Stored> one(long responseId, String code, int item) {
		return this.jdbc
			.sql("select code, item, value, version from answer where response_id = ? and code = ? and item = ?"
					+ " for update")
			.params(responseId, code, item)
			.query(Stored.class)
			.optional();
	}

	void write(long responseId, String code, int item, String value, int version, Instant now, Long userId) {
		this.jdbc.sql("""
				insert into answer (response_id, code, item, value, version, updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (response_id, code, item)
				do update set value = excluded.value, version = excluded.version, updated_at = excluded.updated_at,
				              updated_by = excluded.updated_by""")
			.params(responseId, code, item, value, version, now.atOffset(ZoneOffset.UTC), userId)
			.update();
	}

	void delete(long responseId, String code, int item) {
		this.jdbc.sql("delete from answer where response_id = ? and code = ? and item = ?")
			.params(responseId, code, item)
			.update();
	}

	void history(long responseId, String code, int item, String oldValue, String newValue, Instant now, Long userId) {
		this.jdbc.sql("""
				insert into answer_history (response_id, code, item, old_value, new_value, changed_at, changed_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(responseId, code, item, oldValue, newValue, now.atOffset(ZoneOffset.UTC), userId)
			.update();
	}

}
