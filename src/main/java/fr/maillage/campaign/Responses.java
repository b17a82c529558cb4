package fr.maillage.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import fr.maillage.account.AccessPolicy;
import fr.maillage.account.AccountPrincipal;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;
import fr.maillage.shared.security.Permission;
import fr.maillage.shared.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transitions of responses under the permissions table. Each one, in one transaction:
 * loads the response within the caller's read scope (404 outside it), checks the
 * permission on its structure (403), checks the version the caller saw, applies the
 * aggregate's transition, saves with the version check, appends the history row, audits,
 * and publishes the event. A refusal writes nothing.
 */
@Service
public class Responses {

	private final ResponseRepository repository;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Responses(ResponseRepository repository, AccessPolicy policy, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.policy = policy;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A response the caller may read; 404 otherwise. */
	public ResponseSummary find(long responseId) {
		return load(responseId).response().summary();
	}

	/** NOT_STARTED → IN_PROGRESS, when the structure saves its first value. */
	@Transactional
	public void start(long responseId, int version) {
		transition(responseId, version, ResponseAction.START, Permission.ANSWER_QUESTIONNAIRE, (response, at) -> {
			response.start(actor(), at);
			return null;
		});
	}

	/**
	 * Starts the response unless someone did already: two people saving their first
	 * values at once both succeed, and the response is started once.
	 */
	@Transactional
	public void startIfNotStarted(long responseId) {
		this.repository.lock(responseId);
		ResponseSummary current = find(responseId);
		if (current.status() == ResponseStatus.NOT_STARTED) {
			start(responseId, current.version());
		}
	}

	/** The structure submits its response. */
	@Transactional
	public ResponseSubmitted submit(long responseId, int version) {
		return transition(responseId, version, ResponseAction.SUBMIT, Permission.ANSWER_QUESTIONNAIRE,
				(response, at) -> response.submit(actor(), at));
	}

	/** A reviewer returns a submitted response with a message (required). */
	@Transactional
	public ResponseReturned returnForCorrection(long responseId, int version, String message) {
		return transition(responseId, version, ResponseAction.RETURN, Permission.RETURN_FOR_CORRECTION,
				(response, at) -> response.returnForCorrection(message, actor(), at));
	}

	/** A reviewer validates a submitted response; never one of their own structure's. */
	@Transactional
	public ResponseValidated validate(long responseId, int version) {
		return transition(responseId, version, ResponseAction.VALIDATE, Permission.VALIDATE_RESPONSE,
				(response, at) -> response.validate(actor(), at));
	}

	/** A reviewer withdraws a validation, with a reason (required). */
	@Transactional
	public ResponseUnvalidated unvalidate(long responseId, int version, String reason) {
		return transition(responseId, version, ResponseAction.UNVALIDATE, Permission.VALIDATE_RESPONSE,
				(response, at) -> response.unvalidate(reason, actor(), at));
	}

	private <E> E transition(long responseId, int version, ResponseAction action, Permission permission,
			BiFunction<Response, Instant, E> change) {
		ResponseRepository.Located located = load(responseId);
		Response response = located.response();
		requirePermission(located, action, permission);
		if (response.version() != version) {
			throw new ConcurrentTransitionException(responseId, version);
		}
		ResponseStatus before = response.status();
		Instant now = this.clock.instant();
		E event = change.apply(response, now);
		if (!this.repository.save(response, now)) {
			throw new ConcurrentTransitionException(responseId, version);
		}
		ResponseTransition transition = response.transition();
		this.repository.addTransition(responseId, transition);
		this.audit.record(auditEvent(located, action, before, transition));
		if (event != null) {
			this.events.publishEvent(event);
		}
		return event;
	}

	private void requirePermission(ResponseRepository.Located located, ResponseAction action, Permission permission) {
		Response response = located.response();
		boolean granted = this.policy.scopeFor(permission)
			.covers(located.regionCode(), located.departementCode(), response.structureId());
		if (!granted) {
			throw new AccessDeniedException(action + " not granted on response " + response.id());
		}
		if (permission == Permission.VALIDATE_RESPONSE && this.policy.holdsStructureRoleOn(response.structureId())) {
			// permissions.md: nobody validates a response of a structure where they also
			// hold a structure role, whatever else they are.
			throw new AccessDeniedException("Holds a structure role on " + response.structureId());
		}
	}

	private ResponseRepository.Located load(long responseId) {
		return this.repository.find(responseId, this.policy.scopeFor(Permission.READ_ANSWERS))
			.orElseThrow(() -> new NotFoundException("response.not-found"));
	}

	private static AuditEvent auditEvent(ResponseRepository.Located located, ResponseAction action,
			ResponseStatus before, ResponseTransition transition) {
		Response response = located.response();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", transition.to().name());
		after.put("campaignId", response.campaignId());
		after.put("dataYear", response.dataYear());
		if (transition.message() != null) {
			after.put("message", transition.message());
		}
		return new AuditEvent(Category.DATA, "response." + auditVerb(action), transition.actorUserId(), "response",
				Long.toString(response.id()), located.departementCode(), response.structureId(),
				Map.of("status", before.name()), after);
	}

	private static String auditVerb(ResponseAction action) {
		return switch (action) {
			case START -> "started";
			case SUBMIT -> "submitted";
			case RETURN -> "returned";
			case VALIDATE -> "validated";
			case UNVALIDATE -> "unvalidated";
		};
	}

	private Long actor() {
		return this.policy.currentUser().map(AccountPrincipal::id).orElse(null);
	}

}
