package fr.maillage.account;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.maillage.account.ThrottledAuthenticationProvider.LoginThrottledException;
import fr.maillage.audit.AuditEvent;
import fr.maillage.audit.AuditEvent.Category;
import fr.maillage.audit.AuditTrail;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records sign-ins, failures, throttled attempts and sign-outs in the audit trail, from
 * Spring Security's events. The submitted e-mail address is never recorded: a failure
 * names the account's id when the address has one, and nothing otherwise (an address
 * typed by mistake may be someone else's).
 */
@Component
class SignInAudit {

	static final String USER = "user";

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	SignInAudit(AuditTrail trail, JdbcClient jdbc) {
		this.trail = trail;
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal user) {
			this.trail.record(security("signin.succeeded", user.id(), user.id(), details(event.getAuthentication())));
		}
	}

	@EventListener
	@Transactional
	void refused(AbstractAuthenticationFailureEvent event) {
		Map<String, Object> details = details(event.getAuthentication());
		String action = "signin.failed";
		if (event.getException() instanceof LoginThrottledException) {
			action = "signin.throttled";
		}
		else if (event.getException() instanceof DisabledException) {
			details.put("reason", "disabled");
		}
		this.trail.record(security(action, null, accountId(event.getAuthentication().getName()), details));
	}

	@EventListener
	@Transactional
	void signedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null
				&& event.getAuthentication().getPrincipal() instanceof AccountPrincipal user) {
			this.trail.record(security("signout", user.id(), user.id(), Map.of()));
		}
	}

	private Long accountId(String submittedEmail) {
		if (submittedEmail == null || submittedEmail.isBlank()) {
			return null;
		}
		return this.jdbc.sql("select id from app_user where lower(email) = lower(?)")
			.param(submittedEmail.strip())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private static AuditEvent security(String action, Long actorId, Long accountId, Map<String, Object> details) {
		return new AuditEvent(Category.SECURITY, action, actorId, (accountId != null) ? USER : null,
				(accountId != null) ? accountId.toString() : null, null, null, Map.of(), details);
	}

	/** The client address: with the time, what an investigation of an attack needs. */
	private static Map<String, Object> details(Authentication authentication) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (authentication.getDetails() instanceof WebAuthenticationDetails web) {
			details.put("clientAddress", web.getRemoteAddress());
		}
		return details;
	}

}
