package fr.maillage.shared.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a person may exercise one permission: the whole nation, or some regions,
 * départements and structures (the union of their role assignments that grant it). It is
 * the one mechanism that filters every query serving a signed-in person: repositories
 * take a {@code Scope} and add {@link #where} to their SQL. Public pages and background
 * jobs use explicitly named methods that take none.
 *
 * @param nation everything
 * @param regions region codes
 * @param departements département codes
 * @param structures structure ids
 */
public record Scope(boolean nation, Set<String> regions, Set<String> departements, Set<Long> structures) {

	/** Nowhere: the permission is not granted at all. */
	public static final Scope NONE = new Scope(false, Set.of(), Set.of(), Set.of());

	/** Everywhere. */
	public static final Scope NATION = new Scope(true, Set.of(), Set.of(), Set.of());

	public Scope {
		regions = Set.copyOf(regions);
		departements = Set.copyOf(departements);
		structures = Set.copyOf(structures);
	}

	public boolean isEmpty() {
		return !this.nation && this.regions.isEmpty() && this.departements.isEmpty() && this.structures.isEmpty();
	}

	/** Whether an object located so lies in this scope (any argument may be null). */
	public boolean covers(String regionCode, String departementCode, Long structureId) {
		return this.nation || (regionCode != null && this.regions.contains(regionCode))
				|| (departementCode != null && this.departements.contains(departementCode))
				|| (structureId != null && this.structures.contains(structureId));
	}

	/** Whether this scope includes all of {@code other} (for "no escalation" checks). */
	public boolean includes(Scope other) {
		if (this.nation) {
			return true;
		}
		return !other.nation && this.regions.containsAll(other.regions)
				&& other.departements.stream().allMatch(this.departements::contains)
				&& other.structures.stream().allMatch(this.structures::contains);
	}

	/**
	 * A SQL condition selecting the rows in this scope, given the columns that locate a
	 * row (a column may be {@code null} when the table has no such location). Parameters
	 * are named {@code <prefix>_regions}, {@code <prefix>_departements},
	 * {@code <prefix>_structures}.
	 */
	public SqlCondition where(String prefix, String regionColumn, String departementColumn, String structureColumn) {
		if (this.nation) {
			return new SqlCondition("true", Map.of());
		}
		StringBuilder sql = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		append(sql, params, regionColumn, prefix + "_regions", this.regions);
		append(sql, params, departementColumn, prefix + "_departements", this.departements);
		append(sql, params, structureColumn, prefix + "_structures", this.structures);
		return new SqlCondition(sql.isEmpty() ? "false" : "(" + sql + ")", params);
	}

	private static void append(StringBuilder sql, Map<String, Object> params, String column, String name,
			Set<?> values) {
		if (column == null || values.isEmpty()) {
			return;
		}
		if (!sql.isEmpty()) {
			sql.append(" or ");
		}
		sql.append(column).append(" in (:").append(name).append(')');
		params.put(name, List.copyOf(values));
	}

	/** A condition to add to a {@code where} clause, with its named parameters. */
	public record SqlCondition(String sql, Map<String, Object> params) {
	}

}
