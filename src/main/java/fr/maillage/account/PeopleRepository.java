package fr.maillage.account;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.shared.security.Scope;
import fr.maillage.shared.security.Scope.SqlCondition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People as managers see them: only those holding at least one role within the manager's
 * scope (everyone, for the nation).
 */
@Repository
class PeopleRepository {

	static final int PAGE_SIZE = 50;

	/** Deeper pages are a typing error or a probe: they show the last one we allow. */
	static final int MAX_PAGE = 10_000;

	private final JdbcClient jdbc;

	PeopleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Person(long id, String email, String displayName, boolean enabled, OffsetDateTime lastLoginAt) {
	}

	List<Person> findAll(Scope scope, String search, int page) {
		Map<String, Object> params = new LinkedHashMap<>(visible(scope).params());
		params.put("search", "%" + ((search != null) ? search.strip().toLowerCase(java.util.Locale.ROOT) : "") + "%");
		params.put("limit", PAGE_SIZE + 1);
		params.put("offset", (long) Math.clamp(page, 0, MAX_PAGE) * PAGE_SIZE);
		return this.jdbc.sql("""
				select u.id, u.email, u.display_name, u.enabled, u.last_login_at from app_user u
				where %s and (lower(u.email) like :search or lower(u.display_name) like :search)
				order by lower(u.display_name), u.id limit :limit offset :offset""".formatted(visible(scope).sql()))
			.params(params)
			.query(Person.class)
			.list();
	}

	Optional<Person> find(long id, Scope scope) {
		SqlCondition visible = visible(scope);
		return this.jdbc.sql(
				"select u.id, u.email, u.display_name, u.enabled, u.last_login_at from app_user u where u.id = :id and "
						+ visible.sql())
			.param("id", id)
			.params(visible.params())
			.query(Person.class)
			.optional();
	}

	private static SqlCondition visible(Scope scope) {
		if (scope.nation()) {
			return new SqlCondition("true", Map.of());
		}
		SqlCondition inScope = scope.where("scope", "l.region_code", "l.departement_code", "l.structure_id");
		return new SqlCondition(
				"exists (select 1 from role_assignment_location l where l.user_id = u.id and " + inScope.sql() + ")",
				inScope.params());
	}

}
