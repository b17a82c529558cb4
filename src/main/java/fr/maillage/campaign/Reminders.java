package fr.maillage.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.account.StructureContacts;
import fr.maillage.account.StructureContacts.Contact;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.security.Scope;
import fr.maillage.shared.web.NotFoundException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders to structures that have not submitted their response: by hand from the late
 * list (one structure, or every late one of a département), and every morning for the
 * responses whose deadline is one of their campaign's reminder days away (14, 7 and 1 by
 * default). Either way at most one a day per response: the day's row of
 * {@code response_reminder} is claimed first, in the transaction that writes the e-mails
 * to the outbox, so a second click or a second run the same day sends nothing.
 * <p>
 * The e-mail goes to the structure's people, or, when it has no account yet, to its
 * registry contact address with a link to claim it. Never to a submitted or validated
 * response.
 */
@Service
class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	static final String TEMPLATE = "response-reminder";

	private final TrackingRepository repository;

	private final Tracking tracking;

	private final StructureContacts contacts;

	private final EmailOutbox outbox;

	private final AuditTrail audit;

	private final AccessPolicy policy;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String baseUrl;

	Reminders(TrackingRepository repository, Tracking tracking, StructureContacts contacts, EmailOutbox outbox,
			AuditTrail audit, AccessPolicy policy, TransactionTemplate transactions, Clock clock,
			@Value("${maillage.base-url}") String baseUrl) {
		this.repository = repository;
		this.tracking = tracking;
		this.contacts = contacts;
		this.outbox = outbox;
		this.audit = audit;
		this.policy = policy;
		this.transactions = transactions;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/** What asking for a reminder did. */
	enum Outcome {

		/** Sent (queued in the outbox). */
		SENT,
		/** Already reminded today: nothing sent. */
		ALREADY_TODAY,
		/** Submitted or validated meanwhile: nothing sent. */
		NOT_LATE,
		/** No account and no registry contact address: nothing sent. */
		NO_RECIPIENT

	}

	/** What reminding a département's late structures did, by outcome. */
	record Tally(Map<Outcome, Integer> counts) {

		int of(Outcome outcome) {
			return this.counts.getOrDefault(outcome, 0);
		}

	}

	/** What reminding one structure did, and where it lies (to go back to its list). */
	record Reminded(Outcome outcome, String departementCode, int dataYear, String structureName) {
	}

	/**
	 * Reminds one late structure (the "Relancer" of its row). 404 outside the caller's
	 * territory; 403 for someone who may not follow up responses.
	 */
	Reminded remindOne(long responseId) {
		Scope territory = this.tracking.territory();
		Scope followUp = this.policy.scopeFor(Permission.RETURN_FOR_CORRECTION);
		Long actor = this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
		return this.transactions.execute(status -> {
			TrackingRepository.ToRemind response = this.repository.toRemind(responseId, territory)
				.orElseThrow(() -> new NotFoundException("response.not-found"));
			if (!followUp.covers(response.regionCode(), response.departementCode(), response.structureId())) {
				throw new AccessDeniedException("May not remind structures of " + response.departementCode());
			}
			Outcome outcome = remind(response, Deadlines.today(this.clock.instant(), response.departementCode()),
					"MANUAL", actor);
			return new Reminded(outcome, response.departementCode(), response.dataYear(), response.structureName());
		});
	}

	/**
	 * Reminds every late structure of a département ("Relancer les structures en
	 * retard"), each in its own transaction.
	 */
	Tally remindLate(String departementCode, Integer year) {
		Tracking.LateList late = this.tracking.late(departementCode, year);
		Map<Outcome, Integer> counts = new HashMap<>();
		for (Tracking.LateStructure structure : late.structures()) {
			counts.merge(remindOne(structure.responseId()).outcome(), 1, Integer::sum);
		}
		return new Tally(counts);
	}

	@Scheduled(cron = "${maillage.campaign.reminder-cron}", zone = "Europe/Paris")
	@SchedulerLock(name = "campaign.reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void daily() {
		int sent = remindDue(this.tracking.today());
		if (sent > 0) {
			log.info("Campaign reminders sent: {}", sent);
		}
	}

	/**
	 * The scheduled reminders of {@code day}: every late response of a campaign opened by
	 * then whose deadline is one of its campaign's reminder days away. Returns how many
	 * were sent.
	 */
	int remindDue(LocalDate day) {
		int sent = 0;
		for (long responseId : this.repository.dueForReminder(day)) {
			try {
				Outcome outcome = this.transactions.execute(status -> this.repository.toRemind(responseId, Scope.NATION)
					.map(response -> remind(response, day, "SCHEDULED", null))
					.orElse(Outcome.NOT_LATE));
				sent += (outcome == Outcome.SENT) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				// Tried again at the next reminder day; the others go on.
				log.warn("Reminder for response {} could not be sent: {}", responseId, ex.toString());
			}
		}
		return sent;
	}

	/** In the caller's transaction, the response's row held. */
	private Outcome remind(TrackingRepository.ToRemind response, LocalDate day, String trigger, Long actor) {
		if (!TrackingRepository.LATE.contains(response.status().name())) {
			return Outcome.NOT_LATE;
		}
		List<Contact> people = this.contacts.peopleOf(response.structureId());
		if (people.isEmpty() && (response.structureEmail() == null || response.structureEmail().isBlank())) {
			return Outcome.NO_RECIPIENT;
		}
		Instant now = this.clock.instant();
		if (!this.repository.recordReminder(response.responseId(), day, trigger, actor, now)) {
			return Outcome.ALREADY_TODAY;
		}
		Map<String, Object> common = new HashMap<>();
		common.put("structureName", response.structureName());
		common.put("dataYear", response.dataYear());
		common.put("closesOn", response.closesOn());
		common.put("daysLeft", Math.max(0, response.closesOn().toEpochDay() - day.toEpochDay()));
		common.put("status", response.status().name());
		Set<String> recipients = new LinkedHashSet<>();
		for (Contact person : people) {
			if (recipients.add(person.email())) {
				Map<String, Object> variables = new HashMap<>(common);
				variables.put("audience", "structure");
				variables.put("link", this.baseUrl + "/reponses/" + response.responseId());
				this.outbox.enqueue(new OutgoingEmail(person.email(), TEMPLATE, variables));
			}
		}
		if (people.isEmpty()) {
			Map<String, Object> variables = new HashMap<>(common);
			variables.put("audience", "unclaimed");
			variables.put("link", this.contacts.claimLink(response.structureId(), response.structureEmail(),
					response.structureName()));
			this.outbox.enqueue(new OutgoingEmail(response.structureEmail(), TEMPLATE, variables));
			recipients.add(response.structureEmail());
		}
		this.audit.record(new AuditEvent(Category.DATA, "response.reminded", actor, "response",
				Long.toString(response.responseId()), response.departementCode(), response.structureId(), Map.of(),
				Map.of("trigger", trigger, "sentOn", day, "recipients", recipients.size())));
		return Outcome.SENT;
	}

}
