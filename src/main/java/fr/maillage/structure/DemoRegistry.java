package fr.maillage.structure;

import java.sql.Date;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

import fr.maillage.shared.demo.DemoContext;
import fr.maillage.shared.demo.DemoDataStep;
import fr.maillage.territory.Commune;
import fr.maillage.territory.TerritoryApi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Completes the demo structures into a plausible registry (domain.md): about 70 % run by
 * associations, half the urban centres sociaux near a priority neighbourhood, fictional
 * contacts on {@code .example} domains, valid fictional SIRETs, and approvals whose end
 * dates are staggered over the coming four years (a few already ended), so that every
 * renewal milestone has examples — done, late and upcoming. A few centres sociaux were
 * espaces de vie sociale before and keep their EVS approvals in their history.
 */
@Component
class DemoRegistry implements DemoDataStep {

	private static final List<String> STREETS = List.of("rue des Écoles", "avenue de la République", "place du Marché",
			"rue Jean-Jaurès", "chemin des Vignes", "rue de la Fontaine", "boulevard Victor-Hugo", "allée des Tilleuls",
			"rue du Stade", "impasse des Lilas", "rue Pasteur", "place de l’Église");

	private static final List<String> AXES = List.of("Accès aux droits et lutte contre le non-recours",
			"Soutien à la parentalité", "Inclusion numérique", "Participation des habitants", "Jeunesse et engagement",
			"Lien social et lutte contre l’isolement des aînés", "Transition écologique et alimentation",
			"Accompagnement à la scolarité", "Culture et loisirs partagés", "Insertion sociale et professionnelle");

	private static final List<String> BODIES = List.of("Commission d’action sociale de la Caf",
			"Conseil d’administration de la Caf", "Commission des agréments de la Caf");

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TerritoryApi territories;

	DemoRegistry(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TerritoryApi territories) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.territories = territories;
	}

	@Override
	public String name() {
		return "structure.demo-registry";
	}

	@Override
	public int order() {
		return 51;
	}

	@Override
	public boolean hasData() {
		return this.jdbc.sql("select exists (select 1 from approval)").query(Boolean.class).single();
	}

	private record Row(long id, String name, String kind, String communeCode) {
	}

	@Override
	public int load(DemoContext context) {
		RandomGenerator random = context.randomFor(name());
		LocalDate today = context.referenceDate();
		List<Row> structures = this.jdbc.sql("select id, name, kind, commune_code from structure order by id")
			.query(Row.class)
			.list();
		Map<String, List<Commune>> communesByDepartement = new HashMap<>();
		List<Object[]> identities = new ArrayList<>();
		List<Object[]> served = new ArrayList<>();
		List<Object[]> approvals = new ArrayList<>();
		String sharedSiret = null;
		for (Row structure : structures) {
			boolean cs = structure.kind().equals("CS");
			Commune commune = this.territories.commune(structure.communeCode()).orElseThrow();
			String slug = slug(structure.name().replaceFirst(" – .*", "")) + "-" + structure.id();
			String address = (1 + random.nextInt(120)) + " " + STREETS.get(random.nextInt(STREETS.size()));
			String postalCode = commune.postalCodes().isEmpty() ? null : commune.postalCodes().getFirst();
			// An association running several structures declares them under one SIRET.
			String siret = (sharedSiret != null && random.nextDouble() < 0.04) ? sharedSiret
					: Siret.withCheckDigit("%013d".formatted(random.nextLong(1_000_000_000_000L, 9_999_999_999_999L)));
			sharedSiret = siret;
			LocalDate firstApproval = cs ? LocalDate.of(1970 + random.nextInt(52), 1 + random.nextInt(12), 1)
					: LocalDate.of(2000 + random.nextInt(23), 1 + random.nextInt(12), 1);
			int population = cs ? 4_000 + random.nextInt(36_000) : 800 + random.nextInt(9_000);
			List<String> axes = pickAxes(random, 2 + random.nextInt(4));
			String mode = managementMode(random, cs);
			boolean urban = commune.urban();
			String override = (random.nextDouble() < 0.03) ? (urban ? "RURAL" : "URBAN") : null;
			boolean nearQpv = urban && random.nextDouble() < (cs ? 0.5 : 0.25) || !urban && random.nextDouble() < 0.03;
			boolean federation = random.nextDouble() < (cs ? 0.6 : 0.2);
			String status = (random.nextDouble() < 0.01) ? "CLOSED" : "ACTIVE";
			String history = cs
					? "Née d’une association d’habitants, la structure est agréée centre social depuis "
							+ firstApproval.getYear() + "."
					: "Espace de vie sociale porté par des bénévoles depuis " + firstApproval.getYear() + ".";
			identities.add(new Object[] { address, postalCode, "contact@" + slug + ".example", phone(random),
					random.nextDouble() < 0.4 ? "https://" + slug + ".example" : null, siret,
					Date.valueOf(firstApproval), population, history, axes.toArray(String[]::new), mode, override,
					nearQpv, federation, random.nextDouble() < 0.05, cs && random.nextDouble() < 0.15,
					!cs && random.nextDouble() < 0.05, status, structure.id() });
			if (!urban && random.nextDouble() < 0.6) {
				List<Commune> neighbours = communesByDepartement.computeIfAbsent(commune.departementCode(),
						code -> this.territories.communesOf(code).stream().filter(c -> !c.urban()).toList());
				int count = 1 + random.nextInt(4);
				for (int i = 0; i < count && !neighbours.isEmpty(); i++) {
					Commune other = neighbours.get(random.nextInt(neighbours.size()));
					if (!other.code().equals(commune.code())) {
						served.add(new Object[] { structure.id(), other.code() });
					}
				}
			}
			addApprovals(approvals, random, structure.id(), cs, today, axes);
		}
		this.jdbcTemplate.batchUpdate("""
				update structure set address = ?, postal_code = ?, email = ?, phone = ?, website = ?, siret = ?,
				       first_approval_on = ?, area_population = ?, history = ?, project_axes = ?, management_mode = ?,
				       territory_type_override = ?, near_qpv = ?, federation_member = ?, travellers_public = ?,
				       multi_site = ?, itinerant = ?, status = ?
				where id = ?""", identities);
		this.jdbcTemplate.batchUpdate(
				"insert into structure_served_commune (structure_id, commune_code) values (?, ?) on conflict do nothing",
				served);
		this.jdbcTemplate.batchUpdate("""
				insert into approval (structure_id, kind_code, starts_on, ends_on, decided_on, decision_body,
				                      project_axes, project_summary, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, now())""", approvals);
		createMilestones(context, today);
		// The first approval cannot come after the oldest one recorded.
		this.jdbc.sql("""
				update structure s set first_approval_on = a.first
				from (select structure_id, min(starts_on) as first from approval group by structure_id) a
				where a.structure_id = s.id and s.first_approval_on > a.first""").update();
		return structures.size();
	}

	/**
	 * The current approval ends between 3 months ago and 4 years ahead; the one before it
	 * ended the day before it started. Centres sociaux have an ACF approval beside the AG
	 * one for most of them, and a few were EVS before.
	 */
	private static void addApprovals(List<Object[]> approvals, RandomGenerator random, long structureId, boolean cs,
			LocalDate today, List<String> axes) {
		int years = cs ? 4 : 2 + random.nextInt(3);
		LocalDate end = today.minusMonths(3).plusDays(random.nextInt(365 * 4 + 90));
		end = end.withDayOfMonth(end.lengthOfMonth());
		LocalDate start = end.minusYears(years).plusDays(1);
		String summary = "Projet social " + start.getYear() + "-" + end.getYear() + " : "
				+ String.join(", ", axes.stream().map(axis -> axis.toLowerCase(Locale.FRENCH)).toList()) + ".";
		LocalDate previousEnd = start.minusDays(1);
		LocalDate previousStart = previousEnd.minusYears(years).plusDays(1);
		String mainKind = cs ? "AG" : "EVS";
		String earlierKind = (cs && random.nextDouble() < 0.03) ? "EVS" : mainKind;
		approvals.add(approval(structureId, earlierKind, previousStart, previousEnd, random, axes, null));
		approvals.add(approval(structureId, mainKind, start, end, random, axes, summary));
		if (cs && random.nextDouble() < 0.8) {
			approvals.add(approval(structureId, "ACF", start, end, random, axes, "Projet familles " + start.getYear()
					+ "-" + end.getYear() + " : soutien à la parentalité et départs en vacances."));
		}
	}

	private static Object[] approval(long structureId, String kind, LocalDate start, LocalDate end,
			RandomGenerator random, List<String> axes, String summary) {
		LocalDate decided = start.minusDays(20 + random.nextInt(60));
		return new Object[] { structureId, kind, Date.valueOf(start), Date.valueOf(end), Date.valueOf(decided),
				BODIES.get(random.nextInt(BODIES.size())), axes.toArray(String[]::new), summary };
	}

	/**
	 * Milestones of the main approvals, computed as {@link MilestoneKind} does. Past ones
	 * are mostly done (about one in five left late), never announced (loaded data);
	 * future ones are pending. The choice is a hash of the milestone, so it is
	 * deterministic.
	 */
	private void createMilestones(DemoContext context, LocalDate today) {
		StringBuilder values = new StringBuilder();
		for (MilestoneKind kind : MilestoneKind.values()) {
			if (!values.isEmpty()) {
				values.append(", ");
			}
			values.append("('")
				.append(kind.name())
				.append("', ")
				.append(kind.dueOn(LocalDate.of(2000, 12, 31)).until(LocalDate.of(2000, 12, 31)).toTotalMonths())
				.append(")");
		}
		this.jdbc
			.sql("""
					insert into renewal_milestone (approval_id, kind, due_on, done_on, note, notice)
					select a.id, m.kind, due.on_, done.on_,
					       case when done.on_ is not null then 'Étape réalisée.' end,
					       case when due.on_ < :today then 'SKIPPED' else 'PENDING' end
					from approval a
					join approval_kind k on k.code = a.kind_code and k.main
					cross join (values\s""" + values
					+ """
							) as m (kind, months)
							cross join lateral (select (a.ends_on - make_interval(months => m.months))::date as on_) due
							cross join lateral (select case
							    when due.on_ >= :today then null
							    when a.ends_on < (select max(b.ends_on) from approval b join approval_kind bk on bk.code = b.kind_code
							                      where bk.main and b.structure_id = a.structure_id) then due.on_
							    when abs(hashtext(a.id || m.kind || :seed)) % 100 < 80
							        then least(due.on_ + (abs(hashtext(m.kind || a.id)) % 40), :today - 1)
							    end as on_) done""")
			.param("today", today)
			.param("seed", Long.toString(context.seed()))
			.update();
	}

	private static List<String> pickAxes(RandomGenerator random, int count) {
		List<String> pool = new ArrayList<>(AXES);
		List<String> axes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			axes.add(pool.remove(random.nextInt(pool.size())));
		}
		return axes;
	}

	/** About 70 % associative overall (domain.md), more among EVS. */
	private static String managementMode(RandomGenerator random, boolean cs) {
		double draw = random.nextDouble();
		if (cs) {
			return (draw < 0.66) ? "ASSOCIATION"
					: (draw < 0.88) ? "COMMUNE" : (draw < 0.91) ? "CAF" : (draw < 0.96) ? "CO_MANAGEMENT" : "OTHER";
		}
		return (draw < 0.82) ? "ASSOCIATION" : (draw < 0.95) ? "COMMUNE" : "OTHER";
	}

	/** A fictional number in the 09 range, reserved for non-geographic numbers. */
	private static String phone(RandomGenerator random) {
		return "09 %02d %02d %02d %02d".formatted(random.nextInt(100), random.nextInt(100), random.nextInt(100),
				random.nextInt(100));
	}

	private static String slug(String name) {
		return Normalizer.normalize(name.toLowerCase(Locale.FRENCH), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
	}

}
