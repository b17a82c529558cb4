package fr.maillage.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.maillage.account.AccessPolicy;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Scope;
import fr.maillage.shared.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The tracking of a campaign for the people who follow structures (national
 * administration, Caf advisors, federations, reviewers): response and validation rates by
 * territory, and the late structures of a département. Their territory is where they read
 * answers, without the structures they may also belong to: a structure's own people
 * follow their own response on its page, not here.
 */
@Service
class Tracking {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final TrackingRepository repository;

	private final CampaignRepository campaigns;

	private final AccessPolicy policy;

	private final Clock clock;

	Tracking(TrackingRepository repository, CampaignRepository campaigns, AccessPolicy policy, Clock clock) {
		this.repository = repository;
		this.campaigns = campaigns;
		this.policy = policy;
		this.clock = clock;
	}

	/** One line of the rates tables: a territory and its counts. */
	public record Line(String code, String name, Counts counts) {
	}

	/**
	 * The rates page: the whole scope, its regions (when it spans some) and départements.
	 */
	public record Rates(Campaign campaign, List<Campaign> campaigns, boolean nation, Counts total, List<Line> regions,
			List<Line> departements) {
	}

	/** The late list of a département. */
	public record LateList(Campaign campaign, TrackingRepository.Place departement, LocalDate today,
			List<LateStructure> structures) {
	}

	/** A late structure, with its deadline and whether it was reminded today. */
	public record LateStructure(long responseId, long structureId, String structureName, ResponseStatus status,
			LocalDateTime lastActivity, Instant deadline, LocalDate closesOn, LocalDate lastRemindedOn,
			boolean remindedToday) {
	}

	/**
	 * Where the caller follows responses: their READ_ANSWERS territory (nation, regions,
	 * départements). 403 for someone who reads answers only as a structure's member.
	 */
	Scope territory() {
		Scope read = this.policy.scopeFor(Permission.READ_ANSWERS);
		Scope territory = new Scope(read.nation(), read.regions(), read.departements(), Set.of());
		if (territory.isEmpty()) {
			throw new AccessDeniedException("Tracking is for people who follow a territory");
		}
		return territory;
	}

	/** Today in France. */
	LocalDate today() {
		return LocalDate.now(this.clock.withZone(PARIS));
	}

	/**
	 * The campaign of data year {@code year}; without a year, the latest one open today,
	 * or else the latest one already opened, or else the latest one. 404 for an unknown
	 * year or when there is no campaign at all.
	 */
	Campaign campaign(Integer year) {
		List<Campaign> all = this.campaigns.all();
		if (year != null) {
			return all.stream()
				.filter(c -> c.dataYear() == year)
				.findFirst()
				.orElseThrow(() -> new NotFoundException("tracking.campaign-not-found"));
		}
		LocalDate today = today();
		Optional<Campaign> open = all.stream()
			.filter(c -> !today.isBefore(c.opensOn()) && !today.isAfter(c.closesOn()))
			.findFirst();
		return open.or(() -> all.stream().filter(c -> !today.isBefore(c.opensOn())).findFirst())
			.or(() -> all.stream().findFirst())
			.orElseThrow(() -> new NotFoundException("tracking.campaign-not-found"));
	}

	List<Campaign> campaigns() {
		return this.campaigns.all();
	}

	Rates rates(Integer year) {
		Scope scope = territory();
		Campaign campaign = campaign(year);
		List<TrackingRepository.DepartementCounts> rows = this.repository.countsByDepartement(campaign.id(), scope);
		Counts total = Counts.ZERO;
		Map<String, Line> regions = new LinkedHashMap<>();
		List<Line> departements = new ArrayList<>();
		for (TrackingRepository.DepartementCounts row : rows) {
			total = total.plus(row.counts());
			regions.merge(row.regionCode(), new Line(row.regionCode(), row.regionName(), row.counts()),
					(a, b) -> new Line(a.code(), a.name(), a.counts().plus(b.counts())));
			departements.add(new Line(row.departementCode(), row.departementName(), row.counts()));
		}
		// A région is shown only to those who follow whole régions: for someone who
		// follows one département, its région's line would be that département again.
		boolean showRegions = scope.nation() || !scope.regions().isEmpty();
		return new Rates(campaign, this.campaigns.all(), scope.nation(), total,
				showRegions ? List.copyOf(regions.values()) : List.of(), departements);
	}

	/** The département if it lies in the caller's territory; 404 otherwise. */
	TrackingRepository.Place departement(String code, Scope scope) {
		return this.repository.departement(code)
			.filter(place -> scope.covers(place.regionCode(), place.departementCode(), null))
			.orElseThrow(() -> new NotFoundException("tracking.departement-not-found"));
	}

	LateList late(String departementCode, Integer year) {
		Scope scope = territory();
		TrackingRepository.Place place = departement(departementCode, scope);
		Campaign campaign = campaign(year);
		LocalDate today = Deadlines.today(this.clock.instant(), place.departementCode());
		List<LateStructure> structures = this.repository.late(campaign.id(), place.departementCode(), scope)
			.stream()
			.map(late -> new LateStructure(late.responseId(), late.structureId(), late.structureName(), late.status(),
					LocalDateTime.ofInstant(late.lastActivity(), PARIS),
					Deadlines.deadline(late.closesOn(), place.departementCode()), late.closesOn(),
					late.lastRemindedOn(), today.equals(late.lastRemindedOn())))
			.toList();
		return new LateList(campaign, place, today, structures);
	}

}
