package fr.maillage.structure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.account.StructureContacts;
import fr.maillage.account.StructureContacts.Contact;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.notification.EmailOutbox;
import fr.maillage.notification.OutgoingEmail;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces each renewal milestone once, on the day it comes due: to the structure's
 * people (or, when it has no account yet, to its registry contact address with a claim
 * link) and to the Caf advisors of its département. Milestones already past when their
 * approval was recorded were marked as not to announce; a milestone done before its day
 * is not announced either.
 * <p>
 * Each milestone is announced in its own transaction, which claims its row (so two
 * instances never announce it twice), writes the e-mails to the outbox and marks it
 * announced: a crash sends neither or both, and one structure's problem does not hold the
 * others back.
 */
@Component
class MilestoneNotices {

	private static final Logger log = LoggerFactory.getLogger(MilestoneNotices.class);

	private final ApprovalRepository approvals;

	private final StructureContacts contacts;

	private final EmailOutbox outbox;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String baseUrl;

	MilestoneNotices(ApprovalRepository approvals, StructureContacts contacts, EmailOutbox outbox, AuditTrail audit,
			TransactionTemplate transactions, Clock clock, @Value("${maillage.base-url}") String baseUrl) {
		this.approvals = approvals;
		this.contacts = contacts;
		this.outbox = outbox;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	@Scheduled(cron = "${maillage.registry.milestone-cron}", zone = "Europe/Paris")
	@SchedulerLock(name = "registry.milestones", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void daily() {
		int announced = announceDue();
		if (announced > 0) {
			log.info("Renewal milestones announced: {}", announced);
		}
	}

	/** Announces the milestones due today or earlier and not yet announced. */
	int announceDue() {
		LocalDate today = LocalDate.now(this.clock);
		int announced = 0;
		Map<String, List<Contact>> advisors = new HashMap<>();
		for (long milestoneId : this.approvals.dueUnannounced(today)) {
			try {
				Boolean done = this.transactions.execute(status -> this.approvals.claimDue(milestoneId, today)
					.map(milestone -> announce(milestone, advisors))
					.orElse(false));
				announced += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				// Left pending: tried again tomorrow, and the others go on.
				log.warn("Renewal milestone {} could not be announced: {}", milestoneId, ex.toString());
			}
		}
		return announced;
	}

	private boolean announce(ApprovalRepository.DueMilestone milestone, Map<String, List<Contact>> advisors) {
		Map<String, Object> common = new HashMap<>();
		common.put("structureName", milestone.structureName());
		common.put("milestone", milestone.kind().name());
		common.put("dueOn", milestone.dueOn());
		common.put("approvalEnd", milestone.approvalEnd());
		common.put("link", this.baseUrl + "/registre/" + milestone.structureId());
		Set<String> recipients = new LinkedHashSet<>();
		List<Contact> people = this.contacts.peopleOf(milestone.structureId());
		for (Contact person : people) {
			if (recipients.add(person.email())) {
				this.outbox.enqueue(new OutgoingEmail(person.email(), "milestone-due", with(common, "structure")));
			}
		}
		if (people.isEmpty() && milestone.structureEmail() != null) {
			Map<String, Object> variables = with(common, "unclaimed");
			variables.put("link", this.contacts.claimLink(milestone.structureId(), milestone.structureEmail(),
					milestone.structureName()));
			this.outbox.enqueue(new OutgoingEmail(milestone.structureEmail(), "milestone-due", variables));
			recipients.add(milestone.structureEmail());
		}
		for (Contact advisor : advisors.computeIfAbsent(milestone.departementCode(), this.contacts::advisorsOf)) {
			if (recipients.add(advisor.email())) {
				this.outbox.enqueue(new OutgoingEmail(advisor.email(), "milestone-due", with(common, "advisor")));
			}
		}
		this.approvals.markAnnounced(milestone.milestoneId());
		this.audit.record(new AuditEvent(Category.DATA, "milestone.announced", null, "milestone",
				Long.toString(milestone.milestoneId()), milestone.departementCode(), milestone.structureId(), Map.of(),
				Map.of("kind", milestone.kind().name(), "dueOn", milestone.dueOn(), "recipients", recipients.size())));
		return true;
	}

	private static Map<String, Object> with(Map<String, Object> common, String audience) {
		Map<String, Object> variables = new HashMap<>(common);
		variables.put("audience", audience);
		return variables;
	}

}
