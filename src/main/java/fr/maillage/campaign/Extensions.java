package fr.maillage.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.account.StructureContacts;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.structure.Structure;
import fr.maillage.structure.StructureApi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadline extensions: a Caf advisor (or the national administration) gives one structure
 * until a later date to answer; its deadline becomes 23:59 of that date in its own time
 * zone.
 */
@Service
class Extensions {

	private final Responses responses;

	private final Campaigns campaigns;

	private final ResponseRepository repository;

	private final AnswerRepository answers;

	private final StructureApi structures;

	private final StructureContacts contacts;

	private final EmailOutbox outbox;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	private final String baseUrl;

	Extensions(Responses responses, Campaigns campaigns, ResponseRepository repository, AnswerRepository answers,
			StructureApi structures, StructureContacts contacts, EmailOutbox outbox, AccessPolicy policy,
			AuditTrail audit, Clock clock, @Value("${maillage.base-url}") String baseUrl) {
		this.responses = responses;
		this.campaigns = campaigns;
		this.repository = repository;
		this.answers = answers;
		this.structures = structures;
		this.contacts = contacts;
		this.outbox = outbox;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/** A refusal of the form: a message key and its arguments; none when granted. */
	record Problem(String key, List<Object> arguments) {
	}

	/** Whether the caller may grant this structure an extension. */
	boolean mayGrant(Structure structure) {
		return this.policy.scopeFor(Permission.GRANT_EXTENSION)
			.covers(structure.regionCode(), structure.departementCode(), structure.id());
	}

	/**
	 * Grants (or moves) the extension of a response to the typed date (ISO, as a date
	 * field posts it). A response outside the caller's read scope answers 404; one the
	 * caller may read but not extend, 403.
	 * @return the problem with the date, nothing stored then; empty when granted
	 */
	@Transactional
	Optional<Problem> grant(long responseId, String typed) {
		ResponseSummary response = this.responses.find(responseId);
		Structure structure = this.structures
			.find(response.structureId(), this.policy.scopeFor(Permission.READ_ANSWERS))
			.orElseThrow(() -> new NotFoundException("response.not-found"));
		if (!mayGrant(structure)) {
			throw new AccessDeniedException("Not the caller's to extend");
		}
		Campaign campaign = this.campaigns.find(response.campaignId());
		if (typed == null || typed.isBlank()) {
			return Optional.of(new Problem("lifecycle.extension.error.required", List.of()));
		}
		LocalDate until;
		try {
			until = LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException ex) {
			return Optional.of(new Problem("lifecycle.extension.error.malformed", List.of()));
		}
		if (!until.isAfter(campaign.closesOn())) {
			return Optional.of(new Problem("lifecycle.extension.error.not-after-close",
					List.of(Deadlines.text(campaign.closesOn()))));
		}
		if (until.isAfter(campaign.closesOn().plusYears(1))) {
			return Optional.of(new Problem("lifecycle.extension.error.too-late",
					List.of(Deadlines.text(campaign.closesOn().plusYears(1)))));
		}
		LocalDate before = this.answers.extensionOf(responseId).orElse(null);
		Instant now = this.clock.instant();
		Long actor = this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
		this.repository.extend(responseId, until, actor, now);
		Map<String, Object> was = new LinkedHashMap<>();
		if (before != null) {
			was.put("untilOn", before.toString());
		}
		this.audit.record(new AuditEvent(Category.DATA, "response.extended", actor, "response",
				Long.toString(responseId), structure.departementCode(), structure.id(), was,
				Map.of("untilOn", until.toString(), "campaignId", campaign.id(), "dataYear", campaign.dataYear())));
		Map<String, Object> variables = Map.of("structureName", structure.name(), "dataYear", campaign.dataYear(),
				"deadline",
				Deadlines.text(Deadlines.deadline(until, structure.departementCode()), structure.departementCode()),
				"link", this.baseUrl + "/reponses/" + responseId);
		for (StructureContacts.Contact person : this.contacts.peopleOf(structure.id())) {
			this.outbox.enqueue(new OutgoingEmail(person.email(), "response-extended", variables));
		}
		return Optional.empty();
	}

}
