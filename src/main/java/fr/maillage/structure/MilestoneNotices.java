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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces each renewal milestone once, on the day it comes due: to the structure's
 * people (or, when it has no account yet, to its registry contact address with a claim
 * link) and to the Caf advisors of its département. Milestones already past when their
 * approval was recorded were marked as not to announce; a milestone done before its day
 * is not announced either. E-mails go through the outbox in the same transaction that
 * marks the milestone announced, so a crash sends neither or both.
 */
@Component
class MilestoneNotices {

	private static final Logger log = LoggerFactory.getLogger(MilestoneNotices.class);

	/** Distinct from the other jobs' advisory locks: "REGISTRY". */
	private static final long LOCK = 0x5245474953545259L;

	private final ApprovalRepository approvals;

	private final StructureContacts contacts;

	private final EmailOutbox outbox;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String baseUrl;

	MilestoneNotices(ApprovalRepository approvals, StructureContacts contacts, EmailOutbox outbox, AuditTrail audit,
			JdbcClient jdbc, Clock clock, @Value("${maillage.base-url}") String baseUrl) {
		this.approvals = approvals;
		this.contacts = contacts;
		this.outbox = outbox;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	@Scheduled(cron = "${maillage.registry.milestone-cron}")
	void daily() {
		int announced = announceDue();
		if (announced > 0) {
			log.info("Renewal milestones announced: {}", announced);
		}
	}

	/** Announces the milestones due today or earlier and not yet announced. */
	@Transactional
	int announceDue() {
		if (!this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
			return 0;
		}
		LocalDate today = LocalDate.now(this.clock);
		List<ApprovalRepository.DueMilestone> due = this.approvals.dueUnannounced(today);
		Map<String, List<Contact>> advisors = new HashMap<>();
		for (ApprovalRepository.DueMilestone milestone : due) {
			String recordLink = this.baseUrl + "/registre/" + milestone.structureId();
			Map<String, Object> common = new HashMap<>();
			common.put("structureName", milestone.structureName());
			common.put("milestone", milestone.kind().name());
			common.put("dueOn", milestone.dueOn());
			common.put("approvalEnd", milestone.approvalEnd());
			common.put("link", recordLink);
			Set<String> recipients = new LinkedHashSet<>();
			List<Contact> people = this.contacts.peopleOf(milestone.structureId());
			if (!people.isEmpty()) {
				people.forEach(person -> recipients.add(person.email()));
				for (String email : recipients) {
					this.outbox
						.enqueue(new OutgoingEmail(email, "milestone-due", with(common, "audience", "structure")));
				}
			}
			else if (milestone.structureEmail() != null) {
				String claim = this.contacts.claimLink(milestone.structureId(), milestone.structureEmail(),
						milestone.structureName());
				Map<String, Object> variables = with(common, "audience", "unclaimed");
				variables.put("link", claim);
				this.outbox.enqueue(new OutgoingEmail(milestone.structureEmail(), "milestone-due", variables));
				recipients.add(milestone.structureEmail());
			}
			for (Contact advisor : advisors.computeIfAbsent(milestone.departementCode(), this.contacts::advisorsOf)) {
				if (recipients.add(advisor.email())) {
					this.outbox.enqueue(
							new OutgoingEmail(advisor.email(), "milestone-due", with(common, "audience", "advisor")));
				}
			}
			this.approvals.markAnnounced(milestone.milestoneId());
			this.audit.record(new AuditEvent(Category.DATA, "milestone.announced", null, "milestone",
					Long.toString(milestone.milestoneId()), milestone.departementCode(), milestone.structureId(),
					Map.of(), Map.of("kind", milestone.kind().name(), "dueOn", milestone.dueOn(), "recipients",
							recipients.size())));
		}
		return due.size();
	}

	private static Map<String, Object> with(Map<String, Object> common, String key, Object value) {
		Map<String, Object> variables = new HashMap<>(common);
		variables.put(key, value);
		return variables;
	}

}
