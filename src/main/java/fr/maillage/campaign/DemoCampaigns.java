package fr.maillage.campaign;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

import fr.maillage.questionnaire.Questionnaires;
import fr.maillage.shared.demo.DemoContext;
import fr.maillage.shared.demo.DemoDataStep;
import fr.maillage.shared.demo.DemoSize;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The observatory's history for the demo registry, against the national questionnaire:
 * <ul>
 * <li>past campaigns, five by default ({@code maillage.demo.campaign-years}: data years
 * R-6 to R-2, R being the reference date's year; with N, R-N-1 to R-2), each held in the
 * spring after its data year and closed; every structure approved during the data year
 * answered it in full, and its response was validated;</li>
 * <li>the current campaign (data year R-1), opened four weeks before the reference date
 * and closing about two months after it: about 30 % of the structures have not started,
 * 40 % have answered about half the sections, 30 % have submitted.</li>
 * </ul>
 * The structures that hold the demo accounts (the first centre social, or EVS, of the
 * départements DemoAccounts names: the centres sociaux of the 66, 11, 34, 69 and 93 and
 * the EVS of the 66, 34 and 93) have their validated past years, so that prefill and the
 * "far from last year" warnings work for them, and their response to the current campaign
 * is not started: whoever tries the demo starts it afresh. Every campaign is opened (no
 * invitation sent); two structures have an extension of their deadline.
 * <p>
 * This is imported history, not people's edits: rows are written in bulk with SQL, never
 * through {@link Responses} or {@link Answers}, so no event is published, no e-mail
 * queued and no audit entry written, and {@code answer_history} stays empty (it records
 * changes made in the application). Validations are signed by the département's demo Caf
 * advisor when there is one; everything else has no known actor. Runs after the registry
 * and the demo accounts.
 */
@Component
class DemoCampaigns implements DemoDataStep {

	/**
	 * Past campaigns, all validated, unless {@code maillage.demo.campaign-years} says
	 * otherwise (10 for the observatory benchmark: about 4 million answers nationally).
	 */
	static final int PAST_CAMPAIGNS = 5;

	/** Rows per insert statement (each column goes as one array). */
	private static final int CHUNK = 20_000;

	private final JdbcClient jdbc;

	private final Questionnaires questionnaires;

	private final TransactionTemplate ownTransaction;

	private final boolean background;

	private final int pastCampaigns;

	DemoCampaigns(JdbcClient jdbc, Questionnaires questionnaires, PlatformTransactionManager transactions,
			@Value("${maillage.demo.size:national}") String size,
			@Value("${maillage.demo.campaign-years:" + PAST_CAMPAIGNS + "}") int pastCampaigns) {
		if (pastCampaigns < 1 || pastCampaigns > 30) {
			throw new IllegalArgumentException(
					"maillage.demo.campaign-years must be between 1 and 30, not " + pastCampaigns);
		}
		this.pastCampaigns = pastCampaigns;
		this.jdbc = jdbc;
		this.questionnaires = questionnaires;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.background = !DemoSize.SMALL.name().equalsIgnoreCase(size);
	}

	@Override
	public String name() {
		return "campaign.demo-campaigns";
	}

	@Override
	public int order() {
		return 110;
	}

	/**
	 * Nationally (about 2.4 million answers, half a minute or more on two cores) the
	 * history loads once the application serves; the small size used by the tests loads
	 * before.
	 */
	@Override
	public boolean background() {
		return this.background;
	}

	@Override
	public boolean hasData() {
		return this.jdbc.sql("select exists (select 1 from campaign)").query(Boolean.class).single();
	}

	/** A campaign's dates, by data year. */
	record Window(int dataYear, LocalDate opensOn, LocalDate closesOn) {
	}

	/**
	 * The campaigns of the demo for a reference date: the past ones (consecutive data
	 * years, oldest first), then the current.
	 */
	static List<Window> windows(LocalDate referenceDate, int pastCampaigns) {
		int current = referenceDate.getYear() - 1;
		List<Window> windows = new ArrayList<>();
		for (int year = current - pastCampaigns; year < current; year++) {
			windows.add(new Window(year, LocalDate.of(year + 1, 3, 1), LocalDate.of(year + 1, 5, 31)));
		}
		LocalDate closes = referenceDate.plusMonths(2);
		windows.add(new Window(current, referenceDate.minusWeeks(4), closes.withDayOfMonth(closes.lengthOfMonth())));
		return windows;
	}

	@Override
	public int load(DemoContext context) {
		// Published in a transaction of its own: start-up publishes it too, and must not
		// wait for this long one when it runs in the background.
		Questionnaires.Version national = this.ownTransaction.execute(status -> this.questionnaires.shippedNational());
		DemoAnswerSheet sheet = new DemoAnswerSheet(national.definition());
		List<Window> windows = windows(context.referenceDate(), this.pastCampaigns);
		Window current = windows.getLast();
		Map<Integer, Long> campaigns = insertCampaigns(windows, national.id());
		Map<String, Long> advisors = advisors();
		Set<Long> tried = structuresWithDemoAccounts();
		long seed = context.randomFor(name()).nextLong();
		Rows rows = new Rows();
		for (DemoStructure structure : structures()) {
			List<Integer> years = new ArrayList<>();
			for (Window window : windows) {
				if (structure.approvedIn(window.dataYear()) && (window != current || structure.active())) {
					years.add(window.dataYear());
				}
			}
			if (years.isEmpty()) {
				continue;
			}
			RandomGenerator random = new SplittableRandom(seed ^ (structure.id() * 0x9E3779B97F4A7C15L));
			List<DemoAnswers.Year> history = new DemoAnswers(structure, random).history(years.getFirst(),
					years.getLast());
			String kind = structure.kind();
			for (DemoAnswers.Year year : history) {
				if (!years.contains(year.year())) {
					continue;
				}
				long campaign = campaigns.get(year.year());
				if (year.year() != current.dataYear()) {
					Window window = windows.get(year.year() - windows.getFirst().dataYear());
					validated(rows, campaign, structure, window, sheet.rows(kind, year, sheet.sections(kind)),
							sheet.sections(kind), advisors.get(structure.departementCode()), random);
				}
				else if (!tried.contains(structure.id())) {
					inProgress(rows, campaign, structure, current, context.referenceDate(), sheet, year,
							advisors.get(structure.departementCode()), random);
				}
			}
		}
		rows.flush();
		return campaigns.size() + rows.written + opened(campaigns.get(current.dataYear()), current, tried);
	}

	/**
	 * Every demo campaign was opened on its first day at 9:00 (no e-mail, no audit entry:
	 * history); the demo accounts' structures approved in the current data year have
	 * their response not started, as the opening created it. Two structures were given
	 * two more weeks: one of the demo accounts' (so that trying the demo shows it) and
	 * one that has started.
	 */
	private int opened(long currentCampaign, Window current, Set<Long> tried) {
		this.jdbc.sql("""
				update campaign set opened_at = (opens_on + time '09:00') at time zone 'Europe/Paris'
				where opened_at is null""").update();
		int written = 0;
		for (DemoStructure structure : structures()) {
			if (tried.contains(structure.id()) && structure.active() && structure.approvedIn(current.dataYear())) {
				written += this.jdbc.sql("""
						insert into response (campaign_id, structure_id, updated_at)
						select id, ?, opened_at from campaign where id = ?
						on conflict (campaign_id, structure_id) do nothing""")
					.params(structure.id(), currentCampaign)
					.update();
			}
		}
		written += this.jdbc.sql("""
				insert into response_extension (response_id, until_on, granted_by, granted_at, reason)
				select r.id, c.closes_on + 14,
				       (select min(ra.user_id) from role_assignment ra where ra.role = 'CAF_ADVISOR'
				          and ra.scope_kind = 'DEPARTEMENT' and ra.scope_code = s.departement_code),
				       c.opened_at + interval '20 days', null
				from response r join campaign c on c.id = r.campaign_id join structure s on s.id = r.structure_id
				where r.id in (
				    (select r1.id from response r1 where r1.campaign_id = :campaign and r1.status = 'NOT_STARTED'
				       and r1.structure_id in (:tried) order by r1.structure_id limit 1)
				    union all
				    (select r2.id from response r2 where r2.campaign_id = :campaign and r2.status = 'IN_PROGRESS'
				       order by r2.structure_id limit 1))
				on conflict (response_id) do nothing""")
			.param("campaign", currentCampaign)
			.param("tried", tried.isEmpty() ? Set.of(-1L) : tried)
			.update();
		return written;
	}

	private Map<Integer, Long> insertCampaigns(List<Window> windows, long questionnaireVersion) {
		// The current campaign was created by a national administrator; the past ones are
		// imported history.
		Long admin = this.jdbc.sql("select min(user_id) from role_assignment where role = 'NATIONAL_ADMIN'")
			.query(Long.class)
			.optional()
			.orElse(null);
		Map<Integer, Long> campaigns = new HashMap<>();
		for (Window window : windows) {
			campaigns.put(window.dataYear(), this.jdbc.sql("""
					insert into campaign (data_year, opens_on, closes_on, questionnaire_version_id, created_at,
					                      created_by)
					values (?, ?, ?, ?, ?, ?) returning id""")
				.params(window.dataYear(), Date.valueOf(window.opensOn()), Date.valueOf(window.closesOn()),
						questionnaireVersion, at(window.opensOn().minusWeeks(3), 9 * 60).atOffset(ZoneOffset.UTC),
						(window == windows.getLast()) ? admin : null)
				.query(Long.class)
				.single());
		}
		return campaigns;
	}

	/**
	 * The demo Caf advisor of each département that has one, shown as having validated
	 * its responses (the account module's table, read as data).
	 */
	private Map<String, Long> advisors() {
		Map<String, Long> advisors = new HashMap<>();
		this.jdbc.sql("""
				select scope_code, min(user_id) from role_assignment
				where role = 'CAF_ADVISOR' and scope_kind = 'DEPARTEMENT' group by scope_code""")
			.query((rs, row) -> advisors.put(rs.getString(1), rs.getLong(2)))
			.list();
		return advisors;
	}

	/** The structures someone will try the demo with: those holding a demo account. */
	private Set<Long> structuresWithDemoAccounts() {
		return new HashSet<>(
				this.jdbc.sql("select distinct scope_code::bigint from role_assignment where scope_kind = 'STRUCTURE'")
					.query(Long.class)
					.list());
	}

	/** A past response: started, submitted and validated within its campaign. */
	private static void validated(Rows rows, long campaign, DemoStructure structure, Window window,
			List<DemoAnswerSheet.Row> answers, int sections, Long advisor, RandomGenerator random) {
		LocalDate lastDay = window.closesOn();
		LocalDate startDay = window.opensOn().plusDays(random.nextInt(35));
		LocalDate submitDay = min(startDay.plusDays(3 + random.nextInt(38)), lastDay.minusDays(3));
		LocalDate validateDay = min(submitDay.plusDays(1 + random.nextInt(25)), lastDay);
		Instant started = at(startDay, random);
		Instant submitted = at(submitDay, random);
		Instant validated = at(validateDay, random);
		long id = rows.response(campaign, structure.id(), ResponseStatus.VALIDATED, 3, submitted, validated, validated,
				null);
		rows.transition(id, ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS, null, started, null);
		rows.transition(id, ResponseStatus.IN_PROGRESS, ResponseStatus.SUBMITTED, null, submitted, null);
		rows.transition(id, ResponseStatus.SUBMITTED, ResponseStatus.VALIDATED, advisor, validated, null);
		rows.answers(id, answers, started, submitted, sections);
	}

	/**
	 * A response to the current campaign: about 30 % not started (a third of those opened
	 * it once), 40 % half answered, 30 % submitted. Every moment lies between the opening
	 * and the day before the reference date.
	 */
	private static void inProgress(Rows rows, long campaign, DemoStructure structure, Window window,
			LocalDate referenceDate, DemoAnswerSheet sheet, DemoAnswers.Year year, Long advisor,
			RandomGenerator random) {
		String kind = structure.kind();
		int sections = sheet.sections(kind);
		int days = (int) (referenceDate.toEpochDay() - window.opensOn().toEpochDay());
		LocalDate startDay = window.opensOn().plusDays(random.nextInt(days - 1));
		Instant started = at(startDay, random);
		Instant yesterday = at(referenceDate.minusDays(1), 17 * 60);
		double draw = random.nextDouble();
		if (draw < 0.3) {
			if (random.nextDouble() < 1 / 3.0) {
				rows.response(campaign, structure.id(), ResponseStatus.NOT_STARTED, 0, null, null, started, null);
			}
		}
		else if (draw < 0.7) {
			int answered = Math.max(1, (int) Math.round(sections * (0.3 + 0.4 * random.nextDouble())));
			Instant lastSaved = between(started, yesterday, random);
			long id = rows.response(campaign, structure.id(), ResponseStatus.IN_PROGRESS, 1, null, null, lastSaved,
					null);
			rows.transition(id, ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS, null, started, null);
			rows.answers(id, sheet.rows(kind, year, answered), started, lastSaved, answered);
		}
		else {
			Instant submitted = between(started, yesterday, random);
			Instant reviewed = between(submitted, yesterday, random);
			double review = random.nextDouble();
			long id;
			if (review < 0.35) {
				id = rows.response(campaign, structure.id(), ResponseStatus.VALIDATED, 3, submitted, reviewed, reviewed,
						null);
			}
			else if (review < 0.55) {
				DemoComment comment = DemoComment.COMMENTS.get(random.nextInt(DemoComment.COMMENTS.size()));
				id = rows.response(campaign, structure.id(), ResponseStatus.RETURNED, 3, submitted, null, reviewed,
						DemoComment.RETURN_MESSAGE);
				rows.comment(id, comment.code(), comment.text(), advisor, reviewed.minusSeconds(300));
			}
			else {
				id = rows.response(campaign, structure.id(), ResponseStatus.SUBMITTED, 2, submitted, null, submitted,
						null);
			}
			rows.transition(id, ResponseStatus.NOT_STARTED, ResponseStatus.IN_PROGRESS, null, started, null);
			rows.transition(id, ResponseStatus.IN_PROGRESS, ResponseStatus.SUBMITTED, null, submitted, null);
			if (review < 0.35) {
				rows.transition(id, ResponseStatus.SUBMITTED, ResponseStatus.VALIDATED, advisor, reviewed, null);
			}
			else if (review < 0.55) {
				rows.transition(id, ResponseStatus.SUBMITTED, ResponseStatus.RETURNED, advisor, reviewed,
						DemoComment.RETURN_MESSAGE);
			}
			rows.answers(id, sheet.rows(kind, year, sections), started, submitted, sections);
		}
	}

	/**
	 * What a Caf advisor writes about one answer when she returns a response: the demo's
	 * returned responses each carry one such comment, on a question every kind answers.
	 */
	record DemoComment(String code, String text) {

		static final String RETURN_MESSAGE = "Merci de vérifier le point signalé à côté de la question, "
				+ "puis de soumettre à nouveau.";

		static final List<DemoComment> COMMENTS = List.of(
				new DemoComment("jours_ouverture",
						"Le nombre de jours d’ouverture paraît faible pour une structure ouverte toute l’année : "
								+ "pouvez-vous vérifier ?"),
				new DemoComment("benevoles_activite",
						"Le nombre de bénévoles d’activité a beaucoup changé depuis l’an dernier : "
								+ "est-ce bien le même mode de calcul ?"),
				new DemoComment("heures_ouverture_hebdo",
						"Les heures d’ouverture par semaine semblent inclure les permanences extérieures : "
								+ "merci de ne compter que l’accueil."),
				new DemoComment("familles_touchees",
						"Le nombre de familles touchées dépasse celui de l’an dernier de beaucoup : "
								+ "une action nouvelle l’explique-t-elle ?"));

	}

	/** Every structure with a main approval, with what its answers derive from. */
	private List<DemoStructure> structures() {
		Map<Long, List<DemoStructure.Period>> approvals = new HashMap<>();
		Set<Long> familyProjects = new HashSet<>();
		this.jdbc.sql("""
				select a.structure_id, a.kind_code, a.starts_on, a.ends_on, k.main
				from approval a join approval_kind k on k.code = a.kind_code order by a.structure_id, a.starts_on""")
			.query((rs, row) -> {
				long structure = rs.getLong("structure_id");
				if (rs.getBoolean("main")) {
					approvals.computeIfAbsent(structure, id -> new ArrayList<>())
						.add(new DemoStructure.Period(rs.getDate("starts_on").toLocalDate(),
								rs.getDate("ends_on").toLocalDate()));
				}
				else if (rs.getString("kind_code").equals("ACF")) {
					familyProjects.add(structure);
				}
				return structure;
			})
			.list();
		return this.jdbc.sql("""
				select s.id, s.kind, s.departement_code, c.name as commune_name, s.status, s.management_mode,
				       coalesce(s.territory_type_override = 'URBAN', c.urban) as urban, s.near_qpv, s.multi_site,
				       coalesce(s.area_population, c.population, 0) as population, s.first_approval_on,
				       (select count(*) from structure_served_commune sc where sc.structure_id = s.id) as served
				from structure s join commune c on c.code = s.commune_code order by s.id""").query((rs, row) -> {
			long id = rs.getLong("id");
			Date first = rs.getDate("first_approval_on");
			return new DemoStructure(id, rs.getString("kind").equals("CS"), rs.getString("departement_code"),
					rs.getString("commune_name"), rs.getString("status").equals("ACTIVE"),
					"ASSOCIATION".equals(rs.getString("management_mode")), rs.getBoolean("urban"),
					rs.getBoolean("near_qpv"), rs.getBoolean("multi_site"), rs.getInt("population"),
					rs.getInt("served"), (first != null) ? first.toLocalDate() : null,
					approvals.getOrDefault(id, List.of()), familyProjects.contains(id));
		}).list().stream().filter(structure -> !structure.mainApprovals().isEmpty()).toList();
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/** A moment of office hours on that day (Paris: 9:00 to 18:00 in winter). */
	private static Instant at(LocalDate day, RandomGenerator random) {
		return at(day, 8 * 60 + random.nextInt(9 * 60));
	}

	private static Instant at(LocalDate day, int minutesUtc) {
		return day.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(minutesUtc));
	}

	private static Instant between(Instant from, Instant to, RandomGenerator random) {
		long span = Math.max(1, Duration.between(from, to).toMinutes());
		return from.plus(Duration.ofMinutes(1 + random.nextLong(span)));
	}

	/**
	 * The rows to write, in bulk: each column goes as one array to an {@code unnest}
	 * insert of up to {@link #CHUNK} rows. Response ids are drawn from their sequence
	 * beforehand, so that answers can refer to them before they are written.
	 */
	private final class Rows {

		private final List<Object[]> responses = new ArrayList<>();

		private final List<Object[]> transitions = new ArrayList<>();

		private final List<Object[]> answers = new ArrayList<>();

		private final List<Object[]> comments = new ArrayList<>();

		private final List<Long> ids = new ArrayList<>();

		private int written;

		long response(long campaign, long structure, ResponseStatus status, int version, Instant submitted,
				Instant validated, Instant updated, String lastMessage) {
			if (this.ids.isEmpty()) {
				this.ids.addAll(DemoCampaigns.this.jdbc
					.sql("select nextval(pg_get_serial_sequence('response', 'id')) from generate_series(1, 1000)"
							+ " order by 1")
					.query(Long.class)
					.list());
			}
			long id = this.ids.removeFirst();
			this.responses.add(new Object[] { id, campaign, structure, status.name(), version, text(submitted),
					text(validated), text(updated), lastMessage });
			return id;
		}

		void transition(long response, ResponseStatus from, ResponseStatus to, Long actor, Instant at, String message) {
			this.transitions.add(new Object[] { response, from.name(), to.name(), actor, text(at), message });
		}

		void comment(long response, String code, String text, Long author, Instant at) {
			this.comments.add(new Object[] { response, code, text, author, text(at) });
		}

		/** The answers, saved section after section between the two moments. */
		void answers(long response, List<DemoAnswerSheet.Row> rows, Instant first, Instant last, int sections) {
			long span = Duration.between(first, last).toSeconds();
			for (DemoAnswerSheet.Row row : rows) {
				Instant saved = first.plusSeconds(span * (row.section() + 1) / (sections + 1));
				this.answers.add(new Object[] { response, row.code(), row.item(), row.value(), text(saved) });
			}
			if (this.answers.size() >= CHUNK) {
				flush();
			}
		}

		void flush() {
			this.written += insert("""
					insert into response (id, campaign_id, structure_id, status, version, submitted_at, validated_at,
					                      updated_at, last_message)
					overriding system value
					select * from unnest(:c0::bigint[], :c1::bigint[], :c2::bigint[], :c3::text[], :c4::int[],
					                     :c5::timestamptz[], :c6::timestamptz[], :c7::timestamptz[], :c8::text[])""",
					this.responses, Long[]::new, Long[]::new, Long[]::new, String[]::new, Integer[]::new, String[]::new,
					String[]::new, String[]::new, String[]::new);
			this.written += insert("""
					insert into response_transition (response_id, from_status, to_status, actor_user_id, occurred_at,
					                                 message)
					select * from unnest(:c0::bigint[], :c1::text[], :c2::text[], :c3::bigint[],
					                     :c4::timestamptz[], :c5::text[])""", this.transitions, Long[]::new,
					String[]::new, String[]::new, Long[]::new, String[]::new, String[]::new);
			this.written += insert("""
					insert into response_comment (response_id, code, body, author_id, created_at)
					select * from unnest(:c0::bigint[], :c1::text[], :c2::text[], :c3::bigint[],
					                     :c4::timestamptz[])""", this.comments, Long[]::new, String[]::new,
					String[]::new, Long[]::new, String[]::new);
			this.written += insert("""
					insert into answer (response_id, code, item, value, updated_at)
					select * from unnest(:c0::bigint[], :c1::text[], :c2::int[], :c3::text[], :c4::timestamptz[])""",
					this.answers, Long[]::new, String[]::new, Integer[]::new, String[]::new, String[]::new);
		}

		/** Writes the rows (then forgets them), one array per column. */
		@SafeVarargs
		private int insert(String sql, List<Object[]> rows, IntFunction<Object[]>... columns) {
			int count = 0;
			for (int from = 0; from < rows.size(); from += CHUNK) {
				List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
				JdbcClient.StatementSpec statement = DemoCampaigns.this.jdbc.sql(sql);
				for (int column = 0; column < columns.length; column++) {
					Object[] values = columns[column].apply(chunk.size());
					for (int row = 0; row < chunk.size(); row++) {
						values[row] = chunk.get(row)[column];
					}
					statement = statement.param("c" + column, values);
				}
				count += statement.update();
			}
			rows.clear();
			return count;
		}

		private static String text(Instant instant) {
			return (instant != null) ? instant.toString() : null;
		}

	}

}
