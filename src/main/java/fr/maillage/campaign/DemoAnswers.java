package fr.maillage.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The yearly answers of one demo structure to the national questionnaire, as plausible as
 * domain.md allows: a profile drawn once (size, funders' shares, volunteers, partners…)
 * then a year after another with a trend and a little noise, so that a year looks like
 * the one before (most totals move by 3 to 12 %). Small counts keep last year's value
 * unless their target moved by a whole unit, so that the "far from last year" warning
 * stays rare; about one structure-year in eighty has a real jump (a service taken over or
 * lost, a volunteer drive) that deserves it.
 * <p>
 * Values are typed as {@link Answers#decode} gives them back (numbers as
 * {@link BigDecimal}, choices as a code or a set of codes); answers to questions the
 * structure's kind does not see, or that skip logic hides, are generated too and left out
 * by {@link DemoAnswerSheet}. Totals the questionnaire computes are not generated.
 */
final class DemoAnswers {

	/** The share of structure-years with a jump. */
	static final double JUMP = 0.0125;

	/**
	 * One year's answers: values outside repeat groups, and each repeat group's items.
	 */
	record Year(int year, Map<String, Object> values, Map<String, List<Map<String, Object>>> repeats) {
	}

	private static final List<String> PRATIQUES = List.of("accueil_ecoute", "diagnostic_partage", "comites_habitants",
			"habitants_instances", "projets_habitants", "fonds_participation", "pouvoir_agir", "conseil_citoyen",
			"debats_publics");

	private static final List<String> DOMAINES = List.of("petite_enfance", "enfance", "jeunesse", "parentalite",
			"scolarite", "seniors", "acces_droits", "insertion_emploi", "langue_francaise", "numerique",
			"culture_loisirs", "sport_sante", "environnement", "citoyennete", "isolement", "cadre_vie", "mobilite",
			"alimentation");

	private static final List<String> ACTIONS_FAMILLES = List.of("ateliers_parents_enfants", "groupes_parole", "laep",
			"sorties_familles", "vacances_familles", "scolarite", "acces_droits", "relations_ecole");

	private static final List<String> DEMARCHES = List.of("caf", "france_travail", "impots", "sante", "titres",
			"retraite", "scolarite", "logement");

	private static final List<String> EQUIPEMENTS = List.of("postes_libre_acces", "wifi_public", "pret_materiel",
			"impression_scan", "visio");

	private static final List<String> PUBLICS = List.of("gens_voyage", "handicap", "allophones", "seniors_isoles",
			"jeunes_sans_activite", "sans_domicile", "familles_monoparentales");

	private static final List<String> QUALIFICATIONS = List.of("desjeps", "desjeps", "dejeps", "caferuis",
			"travail_social", "master", "en_formation", "autre");

	private static final List<String> EXEMPLES = List.of(
			"Un collectif d’habitants a conduit un diagnostic en marchant dans le quartier, présenté ensuite en réunion publique.",
			"Des parents ont organisé avec l’équipe une fête de fin d’année ouverte à tout le quartier.",
			"Un comité d’usagers a choisi les sorties familiales de l’été et en a géré le budget.",
			"Des habitantes ont créé un atelier de couture solidaire, animé aujourd’hui par des bénévoles.",
			"Un groupe de jeunes a préparé un court-métrage sur les incivilités dans les transports.",
			"Les habitants ont participé à l’évaluation du projet social lors de trois soirées d’échange.");

	private static final List<String> BESOINS = List.of(
			"Former davantage de bénévoles à l’accompagnement aux démarches en ligne.",
			"Renouveler les postes informatiques, vieillissants.",
			"Pérenniser le financement du poste de conseiller numérique.",
			"Mieux orienter les allocataires vers les ateliers numériques de la Caf.");

	private static final List<String> AXES_FAMILLES = List.of(
			"Soutenir les parents dans leur rôle éducatif et favoriser les liens entre familles.",
			"Rompre l’isolement des familles monoparentales et faciliter les départs en vacances.",
			"Renforcer les relations entre les familles et l’école.");

	/** Titles of a notable action, by domain. */
	private static final Map<String, String> ACTIONS = Map.of("parentalite", "Café des parents", "jeunesse",
			"Chantier jeunes de l’été", "numerique", "Permanences d’aide aux démarches en ligne", "seniors",
			"Ateliers mémoire et prévention des chutes", "environnement", "Jardin partagé et compostage collectif",
			"culture_loisirs", "Festival de quartier", "acces_droits", "Point d’accès aux droits", "isolement",
			"Repas partagés du jeudi", "scolarite", "Accompagnement à la scolarité", "alimentation",
			"Épicerie solidaire");

	/** A partner of the structure: name, type, domain (may be null), convention. */
	private record Partner(String name, String type, String domain, boolean convention) {
	}

	private final DemoStructure structure;

	private final RandomGenerator random;

	private final boolean cs;

	/** Last year's value of each number, for the small counts that keep it. */
	private final Map<String, BigDecimal> last = new HashMap<>();

	// The profile, drawn once.
	private final double staff;

	private final double costPerFte;

	private final double fixedCosts;

	private final double trend;

	private final double staffRatio;

	private final double psShare;

	private final double[] funders;

	private final double[] ages;

	private final double users;

	private final double volunteers;

	private final double hoursPerVolunteer;

	private final double personnelShare;

	private final double margin;

	private final double contributionsPerHour;

	private final int days;

	private final double hours;

	private final boolean evenings;

	private final String scale;

	private final int coveredCommunes;

	private final double qpvShare;

	private final int places;

	private final int board;

	private final double boardInhabitants;

	private final int boardMeetings;

	private final double assembly;

	private final String steering;

	private final double committees;

	private final Set<String> practices;

	private final int extraInstances;

	private final boolean charter;

	private final int aided;

	private final int workStudy;

	private final double fixedTermShare;

	private final int civicService;

	private final boolean director;

	private final BigDecimal directorFte;

	private final String qualification;

	private final boolean coordination;

	private final BigDecimal coordinationFte;

	private final boolean familyReferent;

	private final BigDecimal familyReferentFte;

	private final LocalDate closing;

	private final List<Partner> partners = new ArrayList<>();

	private final boolean municipalAgreement;

	private final Set<String> territorialBodies;

	private final boolean membership;

	private final Set<String> specificPublics;

	private final Set<String> domains;

	private final double activities;

	private final Set<String> familyActions;

	private final double outings;

	private final double holidays;

	private final double parentGroups;

	private final String familyAxes;

	private final boolean digitalAdviser;

	private final BigDecimal digitalAdviserFte;

	private final double digitalHelp;

	private final double digitalWorkshops;

	private final Set<String> procedures;

	private final Set<String> equipment;

	private final int computers;

	private final Set<String> schemes;

	// What moves from year to year.
	private double activity = 1;

	private double volunteering = 1;

	/** The jumps alone: a small team's posts change with them only. */
	private double jumps = 1;

	DemoAnswers(DemoStructure structure, RandomGenerator random) {
		this.structure = structure;
		this.random = random;
		this.cs = structure.centreSocial();
		boolean rural = !structure.urban();
		// Staff and money: a centre social has a professional team (several hundred
		// thousand euros a year); most EVS one or two part-time posts, some none.
		this.staff = this.cs ? 5 + 15 * Math.pow(random.nextDouble(), 1.6)
				: (random.nextDouble() < 0.15) ? 0 : 0.5 + 1.7 * random.nextDouble();
		this.costPerFte = this.cs ? between(46_000, 60_000) : between(36_000, 46_000);
		this.fixedCosts = this.cs ? between(30_000, 120_000) : between(9_000, 30_000);
		this.trend = between(-0.03, 0.06);
		this.staffRatio = between(1.2, 1.7);
		this.psShare = between(0.8, 1.0);
		// Shares of the rest of the income: other Caf funds, communes, département,
		// State,
		// other public funds, users, other income.
		boolean municipal = !structure.associative();
		this.funders = new double[] { between(0.06, 0.16), municipal ? between(0.45, 0.7) : between(0.22, 0.45),
				between(0.01, 0.09), structure.nearQpv() ? between(0.06, 0.14) : between(0.01, 0.06),
				(random.nextDouble() < 0.4) ? 0 : between(0.005, 0.05), between(0.04, 0.14), between(0.01, 0.07) };
		normalize(this.funders);
		this.ages = new double[] { between(0.04, 0.12), between(0.12, 0.28), between(0.08, 0.2), between(0.04, 0.1),
				between(0.25, 0.4), between(0.1, 0.3) };
		normalize(this.ages);
		this.users = this.cs ? this.staff * between(70, 130) : between(90, 420) + this.staff * 60;
		// About 30 activity volunteers per centre (2014).
		this.volunteers = this.cs ? between(12, 55) : between(8, 32);
		this.hoursPerVolunteer = between(40, 110);
		this.personnelShare = this.cs ? between(0.6, 0.74) : between(0.35, 0.65);
		// Most end the year with a small surplus, some with a small deficit, year after
		// year.
		this.margin = (random.nextDouble() < 0.7) ? between(0.005, 0.03) : -between(0.005, 0.02);
		this.contributionsPerHour = (random.nextDouble() < 0.6) ? between(11.5, 14) : 0;
		this.days = this.cs ? (int) between(228, 292) : (int) between(110, 250);
		this.hours = Math.round(2 * (this.cs ? between(35, 55) : between(10, 32))) / 2.0;
		this.evenings = random.nextDouble() < (this.cs ? 0.6 : 0.4);
		if (rural && structure.servedCommunes() > 0) {
			this.scale = (random.nextDouble() < 0.2) ? "intercommunalite" : "plusieurs_communes";
		}
		else if (rural) {
			this.scale = "commune";
		}
		else {
			this.scale = (random.nextDouble() < (structure.nearQpv() ? 0.8 : 0.55)) ? "quartier" : "commune";
		}
		this.coveredCommunes = this.scale.equals("intercommunalite") ? (int) between(6, 40)
				: structure.servedCommunes() + 1;
		this.qpvShare = structure.nearQpv() ? between(35, 85) : rural ? 0 : between(0, 12);
		this.places = structure.multiSite() ? (int) between(3, 8) : this.cs ? (int) between(1, 4) : (int) between(1, 3);
		this.board = this.cs ? (int) between(10, 24) : (int) between(5, 14);
		this.boardInhabitants = between(0.5, 0.9);
		this.boardMeetings = this.cs ? (int) between(4, 12) : (int) between(3, 8);
		this.assembly = this.cs ? between(35, 140) : between(12, 50);
		this.steering = pick(List.of("comite_usagers", "comite_pilotage", "comite_pilotage", "conseil_exploitation"));
		this.committees = (random.nextDouble() < 0.1) ? 0 : this.cs ? between(1, 8) : between(0, 3);
		this.practices = subset(PRATIQUES, this.cs ? 3 : 2, this.cs ? 7 : 5);
		if (random.nextDouble() < 0.06) {
			this.practices.add("autre");
		}
		this.extraInstances = (int) between(0, 4);
		this.charter = random.nextDouble() < 0.55;
		this.aided = this.cs ? (int) between(0, 3) : (random.nextDouble() < 0.2) ? 1 : 0;
		this.workStudy = this.cs ? (int) between(0, 2) : 0;
		this.fixedTermShare = between(0.04, 0.2);
		this.civicService = this.cs ? (int) between(0, 4) : (random.nextDouble() < 0.15) ? 1 : 0;
		this.director = random.nextDouble() < 0.96;
		this.directorFte = (random.nextDouble() < 0.8) ? BigDecimal.ONE : pick(List.of(fte(0.5), fte(0.8), fte(0.9)));
		this.qualification = pick(QUALIFICATIONS);
		this.coordination = this.staff > 0 && random.nextDouble() < 0.85;
		this.coordinationFte = fte(Math.max(0.2, Math.min(this.staff * 0.8, between(0.5, 1.0))));
		this.familyReferent = this.cs ? (structure.familyProject() || random.nextDouble() < 0.25)
				: this.staff > 1.2 && random.nextDouble() < 0.2;
		this.familyReferentFte = this.cs ? fte(structure.familyProject() ? between(0.6, 1.0) : between(0.2, 0.5))
				: fte(between(0.1, 0.3));
		this.closing = (random.nextDouble() < 0.92) ? LocalDate.of(2000, 12, 31)
				: (random.nextDouble() < 0.5) ? LocalDate.of(2000, 8, 31) : LocalDate.of(2000, 6, 30);
		int partnerCount = this.cs ? (int) between(4, 9) : (int) between(2, 6);
		List<Partner> pool = partnerPool(structure.communeName());
		while (this.partners.size() < partnerCount && !pool.isEmpty()) {
			this.partners.add(pool.remove(random.nextInt(pool.size())));
		}
		this.municipalAgreement = random.nextDouble() < (this.cs ? 0.75 : 0.45);
		this.territorialBodies = territorialBodies(structure.nearQpv());
		this.membership = random.nextDouble() < 0.75;
		this.specificPublics = subset(PUBLICS, 0, 3);
		this.domains = subset(DOMAINES, this.cs ? 5 : 3, this.cs ? 11 : 7);
		this.activities = this.cs ? between(12, 40) : between(3, 15);
		this.familyActions = subset(ACTIONS_FAMILLES, 3, 6);
		this.outings = between(3, 12);
		this.holidays = between(2, 20);
		this.parentGroups = between(0, 4);
		this.familyAxes = pick(AXES_FAMILLES);
		this.digitalAdviser = random.nextDouble() < (this.cs ? 0.4 : 0.12);
		this.digitalAdviserFte = fte(this.cs ? between(0.5, 1.0) : between(0.2, 0.5));
		this.digitalHelp = this.cs ? between(150, 2_500) : (random.nextDouble() < 0.1) ? 0 : between(20, 300);
		this.digitalWorkshops = this.cs ? between(10, 120) : between(0, 30);
		this.procedures = subset(DEMARCHES, 2, 6);
		this.equipment = (random.nextDouble() < 0.08) ? new TreeSet<>(Set.of("aucun")) : subset(EQUIPEMENTS, 1, 4);
		this.computers = this.cs ? (int) between(2, 12) : (int) between(1, 4);
		double draw = random.nextDouble();
		this.schemes = (draw < 0.2) ? new TreeSet<>(Set.of("aucun")) : (draw < 0.6)
				? subset(List.of("france_services", "point_numerique_caf", "aidants_connect", "pass_numerique"), 1, 2)
				: null;
	}

	/** The answers of {@code from} to {@code to}, one year after another. */
	List<Year> history(int from, int to) {
		List<Year> years = new ArrayList<>();
		for (int year = from; year <= to; year++) {
			if (year > from) {
				move();
			}
			years.add(year(year));
		}
		return years;
	}

	/** A year passes: the trend, some noise, and now and then a jump. */
	private void move() {
		this.activity *= 1 + this.trend + between(-0.04, 0.04);
		this.volunteering *= 1 + between(-0.08, 0.08);
		if (this.random.nextDouble() < JUMP) {
			double draw = this.random.nextDouble();
			if (draw < 0.6) {
				// A service taken over or a new site; a service or a funding lost.
				double jump = (draw < 0.35) ? between(1.5, 1.8) : between(0.5, 0.62);
				this.activity *= jump;
				this.jumps *= jump;
			}
			else if (draw < 0.85) {
				this.volunteering *= between(1.7, 2.2); // a volunteer drive
			}
			else {
				this.volunteering *= between(0.4, 0.55);
			}
		}
	}

	private Year year(int year) {
		Map<String, Object> v = new LinkedHashMap<>();
		Map<String, List<Map<String, Object>>> repeats = new LinkedHashMap<>();
		// In the questionnaire's order: later sections read what earlier ones answered.
		identity(v, year);
		governance(v, year);
		volunteers(v);
		staff(v);
		finances(v, year);
		partners(v, repeats);
		publics(v, repeats, year);
		familyProject(v);
		digitalInclusion(v);
		return new Year(year, v, repeats);
	}

	/** Identity and territory. */
	private void identity(Map<String, Object> v, int year) {
		v.put("date_fin_agrement", this.structure.approvalEndOn(LocalDate.of(year, 12, 31)));
		v.put("jours_ouverture", number(Math.min(366, Math.round(this.days * noise(0.015)))));
		v.put("heures_ouverture_hebdo", BigDecimal.valueOf(this.hours));
		v.put("ouverture_soir_week_end", this.evenings);
		v.put("echelle_territoire", this.scale);
		v.put("communes_couvertes", number(Math.max(2, this.coveredCommunes)));
		v.put("population_territoire", number(Math.min(500_000, this.structure.population())));
		v.put("part_usagers_qpv", count("part_usagers_qpv", this.qpvShare * noise(0.03)));
		v.put("lieux_activite", number(this.places));
	}

	/** Governance and participation of the inhabitants. */
	private void governance(Map<String, Object> v, int year) {
		v.put("gestion_associative", this.structure.associative());
		BigDecimal board = count("ca_membres", this.board * noise(0.04));
		v.put("ca_membres", board);
		v.put("ca_membres_habitants", number(Math.round(board.intValue() * this.boardInhabitants)));
		v.put("ca_reunions", number(this.boardMeetings));
		v.put("ag_date", LocalDate.of(year, 4 + this.random.nextInt(3), 1 + this.random.nextInt(28)));
		v.put("ag_participants", count("ag_participants", this.assembly * this.volunteering * noise(0.06)));
		v.put("instance_pilotage", this.steering);
		BigDecimal committees = count("comites_habitants", this.committees);
		v.put("comites_habitants", committees);
		v.put("comites_habitants_participants",
				count("comites_habitants_participants", this.committees * 8 * this.volunteering * noise(0.05)));
		v.put("pratiques_participation", this.practices);
		v.put("pratiques_participation_autre", "Ateliers d’écriture avec les habitants sur l’histoire du quartier");
		v.put("habitants_projet_social", this.random.nextDouble() < 0.6);
		if (this.random.nextDouble() < 0.7) {
			v.put("participation_exemple", pick(EXEMPLES));
		}
	}

	/** Volunteers: those of the board sit in the instances. */
	private void volunteers(Map<String, Object> v) {
		BigDecimal activityVolunteers = count("benevoles_activite",
				Math.min(1_000, this.volunteers * this.volunteering * noise(0.04)));
		BigDecimal instanceVolunteers = this.structure.associative()
				? number(integer(v, "ca_membres") + this.extraInstances) : number(this.extraInstances);
		int volunteers = activityVolunteers.intValue() + instanceVolunteers.intValue();
		v.put("benevoles_activite", activityVolunteers);
		v.put("benevoles_instances", instanceVolunteers);
		v.put("benevoles_reguliers", count("benevoles_reguliers", volunteers * 0.68).min(number(volunteers)));
		v.put("benevoles_formes", count("benevoles_formes", volunteers * 0.22 * noise(0.05)).min(number(volunteers)));
		long volunteerHours = Math.min(200_000, Math.round(volunteers * this.hoursPerVolunteer * noise(0.04)));
		v.put("heures_benevolat", number(volunteerHours));
		v.put("charte_benevolat", this.charter);
	}

	/**
	 * The salaried team: a centre social's moves with its activity; an EVS keeps its one
	 * or two posts.
	 */
	private void staff(Map<String, Object> v) {
		BigDecimal fte = this.cs ? fte(this.staff * this.activity * noise(0.02)) : fte(this.staff * this.jumps);
		int headcount = (fte.signum() == 0) ? 0 : Math.max(fte.setScale(0, RoundingMode.CEILING).intValue(),
				count("salaries_effectif", fte.doubleValue() * this.staffRatio).intValue());
		v.put("salaries_effectif", number(headcount));
		v.put("etp_salaries", fte);
		int aided = Math.min(this.aided, headcount);
		int workStudy = Math.min(this.workStudy, headcount - aided);
		int fixedTerm = Math.min(headcount - aided - workStudy,
				count("salaries_cdd", headcount * this.fixedTermShare).intValue());
		v.put("salaries_cdi", number(headcount - aided - workStudy - fixedTerm));
		v.put("salaries_cdd", number(fixedTerm));
		v.put("salaries_contrats_aides", number(aided));
		v.put("salaries_alternance", number(workStudy));
		v.put("volontaires_service_civique", number(this.civicService));
		v.put("direction", this.director);
		v.put("direction_etp", this.directorFte);
		v.put("direction_qualification", this.qualification);
		boolean coordination = this.coordination && fte.doubleValue() >= 0.2;
		BigDecimal coordinationFte = this.coordinationFte.min(fte);
		v.put("coordination_evs", coordination);
		v.put("coordination_evs_etp", coordinationFte);
		BigDecimal keyPosts = this.cs ? (this.director ? this.directorFte : BigDecimal.ZERO)
				: (coordination ? coordinationFte : BigDecimal.ZERO);
		boolean referent = this.familyReferent && fte.subtract(keyPosts).compareTo(this.familyReferentFte) >= 0;
		v.put("referent_familles", referent);
		v.put("referent_familles_etp", this.familyReferentFte);
		if (headcount > 0) {
			v.put("salaries_formes", count("salaries_formes", headcount * 0.4 * noise(0.05)).min(number(headcount)));
		}
	}

	/**
	 * Finances: every amount from the income it is a share of; the total is their sum.
	 */
	private void finances(Map<String, Object> v, int year) {
		double inflation = Math.pow(1.025, year - 2020);
		double income = (this.staff * this.costPerFte + this.fixedCosts) * this.activity * inflation * noise(0.02);
		LocalDate closing = this.closing.withYear(year);
		v.put("date_cloture_exercice", closing);
		long caf;
		if (this.cs) {
			long general = Math.round(68_000 * Math.pow(1.02, year - 2020) * this.psShare);
			long family = this.structure.familyProject()
					? Math.round(21_000 * Math.pow(1.02, year - 2020) * this.psShare) : 0;
			v.put("fin_caf_ps_ag", number(general));
			v.put("fin_caf_ps_acf", number(family));
			caf = general + family;
		}
		else {
			caf = Math.round(Math.min(18_500 * Math.pow(1.03, year - 2020) * this.psShare, 0.6 * income));
			v.put("fin_caf_ps_evs", number(caf));
		}
		double rest = Math.max(income - caf, 0.25 * income);
		String[] funders = { "fin_caf_autres", "fin_communes", "fin_departement", "fin_etat", "fin_autres_publics",
				"fin_usagers", "fin_autres_produits" };
		long total = caf;
		for (int i = 0; i < funders.length; i++) {
			long amount = Math.round(rest * this.funders[i] * noise(0.04));
			v.put(funders[i], number(amount));
			total += amount;
		}
		v.put("produits_total", number(total));
		long charges = Math.round(total * (1 - this.margin * noise(0.15)));
		v.put("charges_total", number(charges));
		v.put("charges_personnel",
				number((integer(v, "salaries_effectif") == 0) ? 0 : Math.round(charges * this.personnelShare)));
		v.put("resultat", number(total - charges));
		if (this.contributionsPerHour > 0) {
			v.put("contributions_volontaires",
					number(Math.round(integer(v, "heures_benevolat") * this.contributionsPerHour)));
		}
	}

	/** Partners: the same from year to year, now and then one more. */
	private void partners(Map<String, Object> v, Map<String, List<Map<String, Object>>> repeats) {
		if (this.random.nextDouble() < 0.1 && this.partners.size() < 30) {
			List<Partner> pool = partnerPool(this.structure.communeName());
			pool.removeAll(this.partners);
			if (!pool.isEmpty()) {
				this.partners.add(pool.get(this.random.nextInt(pool.size())));
			}
		}
		List<Map<String, Object>> partnerItems = new ArrayList<>();
		for (Partner partner : this.partners) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("partenaire_nom", partner.name());
			item.put("partenaire_type", partner.type());
			if (partner.domain() != null) {
				item.put("partenaire_domaine", partner.domain());
			}
			item.put("partenaire_convention", partner.convention());
			partnerItems.add(item);
		}
		repeats.put("partenaires", partnerItems);
		v.put("convention_commune", this.municipalAgreement);
		v.put("instances_partenariales", this.territorialBodies);
	}

	/** Publics and activities, and a few notable actions. */
	private void publics(Map<String, Object> v, Map<String, List<Map<String, Object>>> repeats, int year) {
		double people = this.users * this.activity * noise(0.03);
		String[] ages = { "usagers_0_5", "usagers_6_11", "usagers_12_17", "usagers_18_25", "usagers_26_59",
				"usagers_60_plus" };
		long reached = 0;
		for (int i = 0; i < ages.length; i++) {
			BigDecimal group = count(ages[i], people * this.ages[i] * noise(0.04));
			v.put(ages[i], group);
			reached += group.longValue();
		}
		long families = Math.min(20_000, Math.round(reached * 0.32 * noise(0.03)));
		v.put("familles_touchees", number(families));
		v.put("familles_monoparentales", number(Math.round(families * 0.24 * noise(0.05))).min(number(families)));
		v.put("adherents", number(this.membership ? Math.round(families * 0.75 * noise(0.04)) : 0));
		if (!this.specificPublics.isEmpty()) {
			v.put("publics_specifiques", this.specificPublics);
		}
		v.put("domaines_activites", this.domains);
		v.put("activites_regulieres", count("activites_regulieres", this.activities * Math.sqrt(this.activity)));
		List<Map<String, Object>> actions = new ArrayList<>();
		List<String> actionDomains = new ArrayList<>(ACTIONS.keySet().stream().sorted().toList());
		int actionCount = 1 + this.random.nextInt(3);
		for (int i = 0; i < actionCount; i++) {
			String domain = actionDomains.remove(this.random.nextInt(actionDomains.size()));
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("action_titre", ACTIONS.get(domain) + " " + year);
			item.put("action_domaine", domain);
			item.put("action_participants", number(Math.max(5, Math.round(reached * between(0.02, 0.12)))));
			item.put("action_description", "Action menée avec les habitants et nos partenaires tout au long de " + year
					+ " ; bilan partagé en fin d’année avec les participants.");
			actions.add(item);
		}
		repeats.put("actions_marquantes", actions);
	}

	/** The family project (centres sociaux only see it). */
	private void familyProject(Map<String, Object> v) {
		v.put("acf_agrement", this.structure.familyProject());
		int families = integer(v, "familles_touchees");
		v.put("acf_familles", number(Math.round(families * 0.45 * noise(0.03))).min(number(families)));
		v.put("acf_actions", this.familyActions);
		v.put("acf_sorties", count("acf_sorties", this.outings));
		v.put("acf_departs_vacances", count("acf_departs_vacances", this.holidays * noise(0.05)));
		v.put("acf_collectifs_parents", count("acf_collectifs_parents", this.parentGroups));
		v.put("acf_axes", this.familyAxes);
	}

	/** Digital inclusion, the thematic block. */
	private void digitalInclusion(Map<String, Object> v) {
		v.put("num_conseiller", this.digitalAdviser);
		v.put("num_conseiller_etp", this.digitalAdviserFte);
		long help = Math.round(this.digitalHelp * this.activity * noise(0.1));
		help = Math.min(50_000, help);
		v.put("num_accompagnements", number(help));
		v.put("num_personnes", number(Math.round(help * between(0.3, 0.6))));
		v.put("num_part_seniors", number(Math.round(between(20, 60))));
		v.put("num_ateliers", number(Math.round(this.digitalWorkshops * noise(0.1))));
		v.put("num_demarches", this.procedures);
		v.put("num_equipements", this.equipment);
		v.put("num_postes", number(this.computers));
		if (this.schemes != null) {
			v.put("num_dispositifs", this.schemes);
		}
		v.put("num_ateliers_caf", this.random.nextDouble() < 0.4);
		if (this.random.nextDouble() < 0.5) {
			v.put("num_besoins", pick(BESOINS));
		}
	}

	private static int integer(Map<String, Object> values, String code) {
		return ((BigDecimal) values.get(code)).intValue();
	}

	/**
	 * A count that keeps last year's value unless its target moved by a whole unit (a
	 * small count moved by rounding alone would look like a jump).
	 */
	private BigDecimal count(String code, double target) {
		double wanted = Math.max(0, target);
		BigDecimal before = this.last.get(code);
		BigDecimal value = (before != null && before.intValue() < 10 && Math.abs(wanted - before.intValue()) < 1)
				? before : number(Math.round(wanted));
		this.last.put(code, value);
		return value;
	}

	private List<Partner> partnerPool(String commune) {
		List<Partner> pool = new ArrayList<>(
				List.of(new Partner("Commune de " + commune, "commune", "citoyennete", true),
						new Partner("Caf", "caf", "parentalite", true),
						new Partner("CCAS de " + commune, "ccas", "acces_droits", false),
						new Partner("Conseil départemental", "departement", "insertion_emploi", true),
						new Partner("Collège Jean-Moulin", "education", "scolarite", false),
						new Partner("École élémentaire Jules-Ferry", "education", "scolarite", false),
						new Partner("Mission locale", "emploi_insertion", "jeunesse", false),
						new Partner("Médiathèque de " + commune, "commune", "culture_loisirs", false),
						new Partner("Association sportive de " + commune, "association", "sport_sante", false),
						new Partner("Maison de santé de " + commune, "sante", null, false),
						new Partner("Restos du cœur", "association", "alimentation", false),
						new Partner("France Travail", "emploi_insertion", "insertion_emploi", false),
						new Partner("MSA", "msa_carsat", "seniors", true)));
		if (this.structure.urban()) {
			pool.add(new Partner("Office public de l’habitat", "bailleur", "cadre_vie", true));
			pool.add(new Partner("Délégation du préfet à la politique de la ville", "etat", "citoyennete", true));
		}
		else {
			pool.add(new Partner("Communauté de communes", "intercommunalite", "mobilite", true));
		}
		return pool;
	}

	private Set<String> territorialBodies(boolean nearQpv) {
		if (!this.cs && this.random.nextDouble() < 0.2) {
			return new TreeSet<>(Set.of("aucune"));
		}
		Set<String> bodies = subset(List.of("ctg", "reaap", "pedt", "clspd", "cls"), this.cs ? 1 : 0, this.cs ? 4 : 2);
		if (nearQpv) {
			bodies.add("contrat_ville");
		}
		return bodies.isEmpty() ? new TreeSet<>(Set.of("ctg")) : bodies;
	}

	private Set<String> subset(List<String> codes, int min, int max) {
		List<String> pool = new ArrayList<>(codes);
		int size = min + this.random.nextInt(max - min + 1);
		Set<String> chosen = new TreeSet<>();
		while (chosen.size() < size && !pool.isEmpty()) {
			chosen.add(pool.remove(this.random.nextInt(pool.size())));
		}
		return chosen;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private double between(double low, double high) {
		return low + (high - low) * this.random.nextDouble();
	}

	private double noise(double amplitude) {
		return 1 + between(-amplitude, amplitude);
	}

	private static void normalize(double[] shares) {
		double sum = 0;
		for (double share : shares) {
			sum += share;
		}
		for (int i = 0; i < shares.length; i++) {
			shares[i] /= sum;
		}
	}

	private static BigDecimal number(long value) {
		return BigDecimal.valueOf(value);
	}

	/** Full-time equivalents, with two decimals (0.05 steps for a post's share). */
	private static BigDecimal fte(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}

}
