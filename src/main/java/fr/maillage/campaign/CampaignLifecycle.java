package fr.maillage.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.account.StructureContacts;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import fr.maillage.shared.security.Permission;
import fr.maillage.structure.ApprovedStructure;
import fr.maillage.structure.StructureApi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's lifecycle for the national administration: its target (every active
 * structure with a main approval valid on at least one day of the data year) and its
 * opening, which creates the target's responses, marks the campaign opened and sends the
 * invitations, once.
 */
@Service
public class CampaignLifecycle {

	private final Campaigns campaigns;

	private final CampaignRepository campaignRepository;

	private final ResponseRepository responses;

	private final StructureApi structures;

	private final StructureContacts contacts;

	private final EmailOutbox outbox;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	private final String baseUrl;

	CampaignLifecycle(Campaigns campaigns, CampaignRepository campaignRepository, ResponseRepository responses,
			StructureApi structures, StructureContacts contacts, EmailOutbox outbox, AccessPolicy policy,
			AuditTrail audit, Clock clock, @Value("${maillage.base-url}") String baseUrl) {
		this.campaigns = campaigns;
		this.campaignRepository = campaignRepository;
		this.responses = responses;
		this.structures = structures;
		this.contacts = contacts;
		this.outbox = outbox;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/** How a target structure will be (or was) reached. */
	public enum Reach {

		/** Its people have accounts: they are invited. */
		PEOPLE,
		/** No account: its registry address receives a claim link. */
		CLAIM,
		/** No account and no registry address: nobody can be written to. */
		NONE

	}

	/** One structure of the target. */
	public record TargetLine(ApprovedStructure structure, Reach reach, int people) {
	}

	/** A campaign's target, with its counts by kind and by département. */
	public record Target(Campaign campaign, List<TargetLine> lines, Map<String, Integer> byKind,
			Map<String, Integer> byDepartement, Map<Reach, Integer> byReach) {
	}

	/** What an opening did; {@code refused} when the campaign was already open. */
	public record Opening(boolean refused, int responses, int invitations, int claims,
			int unreachable) implements java.io.Serializable {
	}

	/**
	 * The target of a campaign (404 for an unknown campaign).
	 * @throws AccessDeniedException unless the caller defines the observatory nationally
	 */
	public Target target(long campaignId) {
		requireNational();
		Campaign campaign = this.campaigns.find(campaignId);
		List<TargetLine> lines = new ArrayList<>();
		Map<String, Integer> byKind = new TreeMap<>();
		Map<String, Integer> byDepartement = new TreeMap<>();
		Map<Reach, Integer> byReach = new java.util.EnumMap<>(Reach.class);
		Map<Long, List<StructureContacts.Contact>> everyone = this.contacts.peopleByStructure();
		for (ApprovedStructure structure : approved(campaign)) {
			int people = everyone.getOrDefault(structure.id(), List.of()).size();
			Reach reach = (people > 0) ? Reach.PEOPLE
					: (structure.email() != null && !structure.email().isBlank()) ? Reach.CLAIM : Reach.NONE;
			lines.add(new TargetLine(structure, reach, people));
			byKind.merge(structure.kind().name(), 1, Integer::sum);
			byDepartement.merge(structure.departementCode(), 1, Integer::sum);
			byReach.merge(reach, 1, Integer::sum);
		}
		return new Target(campaign, lines, byKind, byDepartement, byReach);
	}

	private List<ApprovedStructure> approved(Campaign campaign) {
		return this.structures.approvedDuring(LocalDate.of(campaign.dataYear(), 1, 1),
				LocalDate.of(campaign.dataYear(), 12, 31));
	}

	/**
	 * Opens a campaign, in one transaction: the NOT_STARTED response of every target
	 * structure (none duplicated), the campaign marked opened, the opening audited and
	 * the invitations queued — to the people of each structure, or to its registry
	 * address with a claim link when it has nobody. Refused (nothing written, nothing
	 * sent) when the campaign was opened already.
	 * @throws AccessDeniedException unless the caller defines the observatory nationally
	 */
	@Transactional
	public Opening open(long campaignId) {
		requireNational();
		Campaign campaign = this.campaigns.find(campaignId);
		Instant now = this.clock.instant();
		if (!this.campaignRepository.markOpened(campaignId, now)) {
			return new Opening(true, 0, 0, 0, 0);
		}
		int created = 0;
		int invitations = 0;
		int claims = 0;
		int unreachable = 0;
		Map<Long, List<StructureContacts.Contact>> everyone = this.contacts.peopleByStructure();
		for (ApprovedStructure structure : approved(campaign)) {
			created += this.responses.createIfAbsent(campaignId, structure.id(), now);
			String deadline = Deadlines.text(Deadlines.deadline(campaign.closesOn(), structure.departementCode()),
					structure.departementCode());
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("structureName", structure.name());
			variables.put("dataYear", campaign.dataYear());
			variables.put("deadline", deadline);
			variables.put("link", this.baseUrl + "/reponses");
			List<StructureContacts.Contact> people = everyone.getOrDefault(structure.id(), List.of());
			if (!people.isEmpty()) {
				for (StructureContacts.Contact person : people) {
					this.outbox.enqueue(new OutgoingEmail(person.email(), "campaign-opened", variables));
					invitations++;
				}
			}
			else if (structure.email() != null && !structure.email().isBlank()) {
				variables.put("claimLink",
						this.contacts.claimLink(structure.id(), structure.email(), structure.name()));
				this.outbox.enqueue(new OutgoingEmail(structure.email(), "campaign-opened-claim", variables));
				claims++;
			}
			else {
				unreachable++;
			}
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("openedAt", now.toString());
		after.put("dataYear", campaign.dataYear());
		after.put("responsesCreated", created);
		after.put("invitations", invitations);
		after.put("claimLinks", claims);
		after.put("unreachable", unreachable);
		this.audit.record(new AuditEvent(Category.DATA, "campaign.opened", actor(), "campaign",
				Long.toString(campaignId), null, null, Map.of(), after));
		return new Opening(false, created, invitations, claims, unreachable);
	}

	private void requireNational() {
		if (!this.policy.scopeFor(Permission.DEFINE_OBSERVATORY).nation()) {
			throw new AccessDeniedException("Only national administrators open campaigns");
		}
	}

	private Long actor() {
		return this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
	}

}
