package fr.maillage.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened.
 *
 * @param category {@code SECURITY} (sign-in, failure, lockout, role change, invitation,
 * export of personal data…) or {@code DATA} (a change to data); they have different
 * retention periods
 * @param action what happened, a stable code such as {@code user.invited} or
 * {@code signin.failed}
 * @param actorUserId who did it; {@code null} for the system or an anonymous visitor
 * @param objectType the kind of object, e.g. {@code user}, {@code structure}
 * @param objectId its id, as text; may be {@code null}
 * @param departementCode the département the object belongs to, if any: scoped readers of
 * the trail see the entries of their territory
 * @param structureId the structure the object belongs to, if any
 * @param before the object's relevant fields before the change (empty for a creation or
 * an event); never names or e-mail addresses, which live only in the user table
 * @param after the same fields after the change
 */
public record AuditEvent(Category category, String action, Long actorUserId, String objectType, String objectId,
		String departementCode, Long structureId, Map<String, Object> before, Map<String, Object> after) {

	public enum Category {

		SECURITY, DATA

	}

	public AuditEvent {
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(action, "action");
		before = frozen(before);
		after = frozen(after);
	}

	// Not Map.copyOf: a field that was or becomes empty is recorded as null.
	/**
	 * A security event about one account (a password changed, a second factor turned
	 * on…), located nowhere in particular: the account's roles say where it acts, not the
	 * event.
	 */
	public static AuditEvent onAccount(String action, Long actorUserId, long userId, Map<String, Object> after) {
		return new AuditEvent(Category.SECURITY, action, actorUserId, "user", Long.toString(userId), null, null,
				Map.of(), after);
	}

	private static Map<String, Object> frozen(Map<String, Object> fields) {
		return (fields != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(fields)) : Map.of();
	}

}
