package fr.maillage.campaign;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.questionnaire.Questionnaires;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates campaigns (national administration only) and gives each structure its response
 * to a campaign, created NOT_STARTED the first time it is asked for.
 */
@Service
public class Campaigns {

	private final CampaignRepository campaigns;

	private final ResponseRepository responses;

	private final Questionnaires questionnaires;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	Campaigns(CampaignRepository campaigns, ResponseRepository responses, Questionnaires questionnaires,
			AccessPolicy policy, AuditTrail audit, Clock clock) {
		this.campaigns = campaigns;
		this.responses = responses;
		this.questionnaires = questionnaires;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	/** A message for one field of the creation form. */
	public record Problem(String field, String key, List<Object> arguments) {
	}

	/** What creating a campaign gave: its id, or the problems (nothing stored then). */
	public record Created(Long id, List<Problem> problems) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

	/** Every campaign, the latest data year first. */
	public List<Campaign> all() {
		return this.campaigns.all();
	}

	/** The campaigns open on {@code day}. */
	public List<Campaign> openOn(java.time.LocalDate day) {
		return all().stream().filter(c -> !day.isBefore(c.opensOn()) && !day.isAfter(c.closesOn())).toList();
	}

	/** One campaign; 404 if unknown. */
	public Campaign find(long campaignId) {
		return this.campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("campaign.not-found"));
	}

	/**
	 * Creates a campaign.
	 * @throws AccessDeniedException unless the caller defines the observatory nationally
	 */
	@Transactional
	public Created create(CampaignCommand command) {
		if (!this.policy.scopeFor(Permission.DEFINE_OBSERVATORY).nation()) {
			throw new AccessDeniedException("Only national administrators create campaigns");
		}
		List<Problem> problems = check(command);
		if (!problems.isEmpty()) {
			return new Created(null, problems);
		}
		Long actor = this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
		Optional<Long> id = this.campaigns.insert(command, this.clock.instant(), actor);
		if (id.isEmpty()) {
			return new Created(null, List.of(yearTaken(command.dataYear())));
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("dataYear", command.dataYear());
		after.put("opensOn", command.opensOn());
		after.put("closesOn", command.closesOn());
		after.put("questionnaireVersionId", command.questionnaireVersionId());
		this.audit.record(new AuditEvent(Category.DATA, "campaign.created", actor, "campaign", Long.toString(id.get()),
				null, null, Map.of(), after));
		return new Created(id.get(), List.of());
	}

	/** Most reminders a campaign sends before a deadline, and how early the first. */
	static final int MAX_REMINDERS = 6;

	static final int MAX_REMINDER_DAY = 90;

	/**
	 * The days before each structure's deadline at which reminders go, the earliest
	 * first.
	 */
	public List<Integer> reminderDays(long campaignId) {
		find(campaignId);
		return this.campaigns.reminderDays(campaignId);
	}

	/**
	 * Sets the days before each structure's deadline at which the daily job reminds the
	 * structures that have not submitted, typed as "14, 7, 1".
	 * @return the message key of a problem with the text (nothing stored), or null
	 * @throws AccessDeniedException unless the caller defines the observatory nationally
	 */
	@Transactional
	public String setReminderDays(long campaignId, String typed) {
		if (!this.policy.scopeFor(Permission.DEFINE_OBSERVATORY).nation()) {
			throw new AccessDeniedException("Only national administrators set reminders");
		}
		List<Integer> before = reminderDays(campaignId);
		java.util.TreeSet<Integer> days = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
		for (String part : (typed == null) ? new String[0] : typed.split("[,;\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			int day;
			try {
				day = Integer.parseInt(part.strip());
			}
			catch (NumberFormatException ex) {
				return "campaign.error.reminder-days";
			}
			if (day < 1 || day > MAX_REMINDER_DAY) {
				return "campaign.error.reminder-days";
			}
			days.add(day);
		}
		if (days.size() > MAX_REMINDERS) {
			return "campaign.error.reminder-days";
		}
		List<Integer> after = List.copyOf(days);
		this.campaigns.setReminderDays(campaignId, after);
		Long actor = this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
		this.audit.record(new AuditEvent(Category.DATA, "campaign.reminders-set", actor, "campaign",
				Long.toString(campaignId), null, null, Map.of("reminderDays", before), Map.of("reminderDays", after)));
		return null;
	}

	private List<Problem> check(CampaignCommand command) {
		List<Problem> problems = new ArrayList<>();
		if (command.dataYear() == null) {
			problems.add(new Problem("dataYear", "campaign.error.required", List.of()));
		}
		else if (command.dataYear() < 2000 || command.dataYear() > 2100) {
			problems.add(new Problem("dataYear", "campaign.error.year", List.of(command.dataYear())));
		}
		else if (this.campaigns.yearTaken(command.dataYear())) {
			problems.add(yearTaken(command.dataYear()));
		}
		if (command.opensOn() == null) {
			problems.add(new Problem("opensOn", "campaign.error.required", List.of()));
		}
		if (command.closesOn() == null) {
			problems.add(new Problem("closesOn", "campaign.error.required", List.of()));
		}
		else if (command.opensOn() != null && command.closesOn().isBefore(command.opensOn())) {
			problems.add(new Problem("closesOn", "campaign.error.closes-before-opens", List.of()));
		}
		if (command.questionnaireVersionId() == null) {
			problems.add(new Problem("questionnaireVersionId", "campaign.error.required", List.of()));
		}
		else if (this.questionnaires.definition(command.questionnaireVersionId()).isEmpty()) {
			problems.add(new Problem("questionnaireVersionId", "campaign.error.questionnaire",
					List.of(command.questionnaireVersionId())));
		}
		return problems;
	}

	private static Problem yearTaken(int year) {
		return new Problem("dataYear", "campaign.error.year-taken", List.of(year));
	}

	/**
	 * A structure's response to a campaign, created NOT_STARTED on first request; 404 if
	 * the campaign is unknown or the structure is not the caller's to read.
	 */
	@Transactional
	public ResponseSummary responseFor(long campaignId, long structureId) {
		var scope = this.policy.scopeFor(Permission.READ_ANSWERS);
		if (!this.responses.structureIn(structureId, scope)) {
			throw new NotFoundException("response.not-found");
		}
		find(campaignId);
		this.responses.createIfAbsent(campaignId, structureId, this.clock.instant());
		return this.responses.findFor(campaignId, structureId, scope)
			.orElseThrow(() -> new NotFoundException("response.not-found"))
			.response()
			.summary();
	}

}
