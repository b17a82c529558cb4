package fr.maillage.observatory;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.maillage.questionnaire.ComputedTotals;
import fr.maillage.shared.security.Unscoped;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The observatory's tables, and the reads of campaign and registry data its figures are
 * computed from. Figures are public once computed: their confidentiality is applied when
 * they are computed, so no read here is filtered by scope.
 */
@Repository
@Unscoped("published figures and the inputs they are computed from, which never leave the observatory one by one")
class FigureRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	FigureRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * The data years that have at least one validated response, up to {@code lastYear}.
	 */
	List<Integer> years(int lastYear) {
		return this.jdbc.sql("""
				select distinct k.data_year from campaign k
				where k.data_year <= :last
				and exists (select 1 from response r where r.campaign_id = k.id and r.status = 'VALIDATED')
				order by k.data_year""").param("last", lastYear).query(Integer.class).list();
	}

	/**
	 * Every structure asked to answer a data year's campaign, with its registry fields
	 * and, when its response is validated, its answers to the questions the indicators
	 * read (with the totals computed from them).
	 */
	List<Contribution> contributions(int year, ComputedTotals computed) {
		Map<Long, Map<String, String>> answers = new HashMap<>();
		this.template.query(con -> {
			var statement = con.prepareStatement("""
					select r.structure_id, a.code, a.value
					from answer a
					join response r on r.id = a.response_id
					join campaign k on k.id = r.campaign_id
					where k.data_year = ? and r.status = 'VALIDATED' and a.item = 0 and a.code = any (?)""");
			statement.setInt(1, year);
			Array array = con.createArrayOf("text", computed.storedCodes().toArray());
			statement.setArray(2, array);
			statement.setFetchSize(10_000);
			return statement;
		}, (ResultSet rs) -> {
			answers.computeIfAbsent(rs.getLong(1), key -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
		});
		Map<Long, Map<String, Integer>> repeatCounts = new HashMap<>();
		computed.repeats()
			.forEach((repeat, children) -> this.jdbc.sql("""
					select r.structure_id, count(distinct a.item) as items
					from answer a
					join response r on r.id = a.response_id
					join campaign k on k.id = r.campaign_id
					where k.data_year = :year and r.status = 'VALIDATED' and a.code in (:children)
					group by r.structure_id""")
				.param("year", year)
				.param("children", children)
				.query((rs, n) -> Map.entry(rs.getLong("structure_id"), rs.getInt("items")))
				.list()
				.forEach(entry -> repeatCounts.computeIfAbsent(entry.getKey(), key -> new HashMap<>())
					.put(repeat, entry.getValue())));
		return this.jdbc.sql("""
				select s.id, s.kind, s.region_code, s.departement_code, c.population_band,
				       coalesce(s.territory_type_override = 'RURAL', not c.urban) as rural,
				       coalesce(s.management_mode = 'ASSOCIATION', false) as association,
				       s.near_qpv, s.federation_member, r.status = 'VALIDATED' as validated
				from response r
				join campaign k on k.id = r.campaign_id
				join structure s on s.id = r.structure_id
				join commune c on c.code = s.commune_code
				where k.data_year = :year
				order by s.id""").param("year", year).query((rs, n) -> {
			long id = rs.getLong("id");
			boolean validated = rs.getBoolean("validated");
			return new Contribution(id, rs.getString("kind"), rs.getString("region_code"),
					rs.getString("departement_code"), rs.getString("population_band"), rs.getBoolean("rural"),
					rs.getBoolean("association"), rs.getBoolean("near_qpv"), rs.getBoolean("federation_member"),
					validated, validated ? computed.complete(answers.getOrDefault(id, Map.of()),
							repeatCounts.getOrDefault(id, Map.of())) : Map.of());
		}).list();
	}

	/** A stored figure and its territory. */
	record Row(String territory, Figure figure) {

		String key() {
			return this.territory + "|" + this.figure.indicator() + "|" + this.figure.kinds();
		}

	}

	Map<String, Row> live(int year) {
		Map<String, Row> rows = new LinkedHashMap<>();
		this.jdbc.sql("""
				select territory, indicator, kinds, value, contributors, suppression
				from observatory_figure where data_year = :year""")
			.param("year", year)
			.query(FigureRepository::row)
			.list()
			.forEach(row -> rows.put(row.key(), row));
		return rows;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String suppression = rs.getString("suppression");
		return new Row(rs.getString("territory"),
				new Figure(rs.getString("indicator"), rs.getString("kinds"), rs.getBigDecimal("value"),
						rs.getInt("contributors"),
						(suppression != null) ? Figure.Suppression.valueOf(suppression) : null));
	}

	void upsert(int year, List<Row> rows) {
		this.template.batchUpdate(
				"""
						insert into observatory_figure (data_year, territory, indicator, kinds, value, contributors, suppression)
						values (?, ?, ?, ?, ?, ?, ?)
						on conflict (data_year, territory, indicator, kinds) do update
						set value = excluded.value, contributors = excluded.contributors, suppression = excluded.suppression""",
				rows, 1000, (statement, row) -> {
					Figure figure = row.figure();
					statement.setInt(1, year);
					statement.setString(2, row.territory());
					statement.setString(3, figure.indicator());
					statement.setString(4, figure.kinds());
					statement.setBigDecimal(5, figure.value());
					statement.setInt(6, figure.contributors());
					statement.setString(7, figure.secret() ? figure.suppression().name() : null);
				});
	}

	void delete(int year, List<Row> rows) {
		this.template.batchUpdate("""
				delete from observatory_figure
				where data_year = ? and territory = ? and indicator = ? and kinds = ?""", rows, 1000,
				(statement, row) -> {
					statement.setInt(1, year);
					statement.setString(2, row.territory());
					statement.setString(3, row.figure().indicator());
					statement.setString(4, row.figure().kinds());
				});
	}

	void replaceQuality(int year, Map<String, FigureComputation.Quality> quality) {
		this.jdbc.sql("delete from observatory_quality where data_year = :year").param("year", year).update();
		List<Map.Entry<String, FigureComputation.Quality>> entries = new ArrayList<>(quality.entrySet());
		this.template.batchUpdate(
				"insert into observatory_quality (data_year, territory, target, validated) values (?, ?, ?, ?)",
				entries, 1000, (statement, entry) -> {
					statement.setInt(1, year);
					statement.setString(2, entry.getKey());
					statement.setInt(3, entry.getValue().target());
					statement.setInt(4, entry.getValue().validated());
				});
	}

	/** Serializes the refreshes of one data year across instances, until commit. */
	void lockYear(int year) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('observatory_figure'), :year)")
			.param("year", year)
			.query(Object.class)
			.single();
	}

	long bumpGeneration(Instant now) {
		return this.jdbc.sql("""
				update observatory_state set generation = generation + 1, refreshed_at = :now
				where id = 1 returning generation""").param("now", Timestamp.from(now)).query(Long.class).single();
	}

	String computedWith() {
		return this.jdbc.sql("select computed_with from observatory_state where id = 1")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	void computedWith(String stamp) {
		this.jdbc.sql("update observatory_state set computed_with = :stamp where id = 1")
			.param("stamp", stamp)
			.update();
	}

	long generation() {
		return this.jdbc.sql("select generation from observatory_state where id = 1").query(Long.class).single();
	}

	/** Live figures of every territory for one year, by territory. */
	Map<String, List<Figure>> liveYear(int year) {
		Map<String, List<Figure>> figures = new HashMap<>();
		this.jdbc.sql("""
				select territory, indicator, kinds, value, contributors, suppression
				from observatory_figure where data_year = :year""")
			.param("year", year)
			.query(FigureRepository::row)
			.list()
			.forEach(row -> figures.computeIfAbsent(row.territory(), key -> new ArrayList<>()).add(row.figure()));
		return figures;
	}

	Map<String, FigureComputation.Quality> qualityYear(int year) {
		Map<String, FigureComputation.Quality> quality = new HashMap<>();
		this.jdbc.sql("select territory, target, validated from observatory_quality where data_year = :year")
			.param("year", year)
			.query((rs, n) -> Map.entry(rs.getString("territory"),
					new FigureComputation.Quality(rs.getInt("target"), rs.getInt("validated"))))
			.list()
			.forEach(entry -> quality.put(entry.getKey(), entry.getValue()));
		return quality;
	}

	/** The territories whose figures of that year have a final version. */
	Set<String> territoriesWithVersions(int year) {
		return Set.copyOf(this.jdbc.sql("select distinct territory from figure_version where data_year = :year")
			.param("year", year)
			.query(String.class)
			.list());
	}

	Optional<FigureComputation.Quality> quality(int year, String territory) {
		return this.jdbc.sql("""
				select target, validated from observatory_quality where data_year = :year and territory = :territory""")
			.param("year", year)
			.param("territory", territory)
			.query((rs, n) -> new FigureComputation.Quality(rs.getInt("target"), rs.getInt("validated")))
			.optional();
	}

	/** A final version's heading. */
	record Version(long id, int year, String territory, int number, Instant markedAt, String markedBy, String agreedBy,
			String catalogueVersion, int target, int validated, String note) {
	}

	List<Version> versions(int year, String territory) {
		return this.jdbc.sql("""
				select v.id, v.data_year, v.territory, v.number, v.marked_at, m.display_name as marked_by,
				       g.display_name as agreed_by, v.catalogue_version, v.target, v.validated, v.note
				from figure_version v
				left join app_user m on m.id = v.marked_by
				left join figure_agreement a on a.id = v.agreement_id
				left join app_user g on g.id = a.agreed_by
				where v.data_year = :year and v.territory = :territory
				order by v.number desc""")
			.param("year", year)
			.param("territory", territory)
			.query((rs, n) -> new Version(rs.getLong("id"), rs.getInt("data_year"), rs.getString("territory"),
					rs.getInt("number"), rs.getTimestamp("marked_at").toInstant(), rs.getString("marked_by"),
					rs.getString("agreed_by"), rs.getString("catalogue_version"), rs.getInt("target"),
					rs.getInt("validated"), rs.getString("note")))
			.list();
	}

	List<Figure> versionValues(long versionId) {
		return this.jdbc.sql("""
				select indicator, kinds, value, contributors, suppression
				from figure_version_value where version_id = :id""").param("id", versionId).query((rs, n) -> {
			String suppression = rs.getString("suppression");
			return new Figure(rs.getString("indicator"), rs.getString("kinds"), rs.getBigDecimal("value"),
					rs.getInt("contributors"), (suppression != null) ? Figure.Suppression.valueOf(suppression) : null);
		}).list();
	}

	/**
	 * Freezes the live figures of a territory as its next version; returns its number.
	 */
	int freeze(int year, String territory, Long userId, Long agreementId, String catalogueVersion, Instant now,
			String note) {
		FigureComputation.Quality quality = quality(year, territory).orElse(new FigureComputation.Quality(0, 0));
		record Created(long id, int number) {
		}
		Created created = this.jdbc.sql("""
				insert into figure_version (data_year, territory, number, marked_at, marked_by, agreement_id,
				                            catalogue_version, target, validated, note)
				select :year, :territory, coalesce(max(number), 0) + 1, :now, :user, :agreement, :catalogue,
				       :target, :validated, :note
				from figure_version where data_year = :year and territory = :territory
				returning id, number""")
			.param("year", year)
			.param("territory", territory)
			.param("now", Timestamp.from(now))
			.param("user", userId)
			.param("agreement", agreementId)
			.param("catalogue", catalogueVersion)
			.param("target", quality.target())
			.param("validated", quality.validated())
			.param("note", note)
			.query((rs, n) -> new Created(rs.getLong("id"), rs.getInt("number")))
			.single();
		this.jdbc.sql("""
				insert into figure_version_value (version_id, indicator, kinds, value, contributors, suppression)
				select :id, indicator, kinds, value, contributors, suppression
				from observatory_figure where data_year = :year and territory = :territory""")
			.param("id", created.id())
			.param("year", year)
			.param("territory", territory)
			.update();
		return created.number();
	}

	/** The latest agreement recorded for a territory's figures of a year. */
	record Agreement(long id, String agreedBy, Instant agreedAt, String note) {
	}

	Optional<Agreement> agreement(int year, String territory) {
		return this.jdbc.sql("""
				select a.id, u.display_name, a.agreed_at, a.note from figure_agreement a
				left join app_user u on u.id = a.agreed_by
				where a.data_year = :year and a.territory = :territory
				order by a.agreed_at desc, a.id desc limit 1""")
			.param("year", year)
			.param("territory", territory)
			.query((rs, n) -> new Agreement(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getString(4)))
			.optional();
	}

	/**
	 * The figures of a year some final version publishes (as
	 * {@code territory|indicator|kinds}): every version stays readable, so each one's
	 * published values stay known.
	 */
	Set<String> frozenPublished(int year) {
		return Set.copyOf(this.jdbc.sql("""
				select distinct v.territory || '|' || f.indicator || '|' || f.kinds
				from figure_version v join figure_version_value f on f.version_id = v.id
				where v.data_year = :year and f.value is not null""").param("year", year).query(String.class).list());
	}

	/** Whether a final version was already marked under this agreement. */
	boolean agreementUsed(long agreementId) {
		return this.jdbc.sql("select exists (select 1 from figure_version where agreement_id = :id)")
			.param("id", agreementId)
			.query(Boolean.class)
			.single();
	}

	long agree(int year, String territory, long userId, Instant now, String note) {
		return this.jdbc.sql("""
				insert into figure_agreement (data_year, territory, agreed_by, agreed_at, note)
				values (:year, :territory, :user, :now, :note) returning id""")
			.param("year", year)
			.param("territory", territory)
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.param("note", note)
			.query(Long.class)
			.single();
	}

}
