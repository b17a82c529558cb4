package fr.maillage.account;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.maillage.shared.security.Role;
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

	/**
	 * The people holding, within {@code scope}, one of the roles the manager may grant: a
	 * manager sees whom they manage, not every person of their territory.
	 */
	List<Person> findAll(Scope scope, Set<Role> grantable, String search, int page) {
		SqlCondition visible = visible(scope, grantable);
		Map<String, Object> params = new LinkedHashMap<>(visible.params());
		params.put("search", "%" + ((search != null) ? search.strip().toLowerCase(java.util.Locale.ROOT) : "") + "%");
		params.put("limit", PAGE_SIZE + 1);
		params.put("offset", (long) Math.clamp(page, 0, MAX_PAGE) * PAGE_SIZE);
		return this.jdbc.sql("""
				select u.id, u.email, u.display_name, u.enabled, u.last_login_at from app_user u
				where %s and (lower(u.email) like :search or lower(u.display_name) like :search)
				order by lower(u.display_name), u.id limit :limit offset :offset""".formatted(visible.sql()))
			.params(params)
			.query(Person.class)
			.list();
	}

	Optional<Person> find(long id, Scope scope, Set<Role> grantable) {
		SqlCondition visible = visible(scope, grantable);
		return this.jdbc.sql(
				"select u.id, u.email, u.display_name, u.enabled, u.last_login_at from app_user u where u.id = :id and "
						+ visible.sql())
			.param("id", id)
			.params(visible.params())
			.query(Person.class)
			.optional();
	}

	private static SqlCondition visible(Scope scope, Set<Role> grantable) {
		if (scope.nation() && grantable.containsAll(EnumSet.allOf(Role.class))) {
			// The national administration sees everyone, people without any role
			// included.
			return new SqlCondition("true", Map.of());
		}
		if (grantable.isEmpty()) {
			return new SqlCondition("false", Map.of());
		}
		SqlCondition inScope = scope.where("scope", "l.region_code", "l.departement_code", "l.structure_id");
		Map<String, Object> params = new LinkedHashMap<>(inScope.params());
		params.put("grantable", grantable.stream().map(Role::name).toList());
		return new SqlCondition("exists (select 1 from role_assignment_location l where l.user_id = u.id and "
				+ "l.role in (:grantable) and " + inScope.sql() + ")", params);
	}

}
