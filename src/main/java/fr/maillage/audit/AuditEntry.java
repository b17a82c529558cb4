package fr.maillage.audit;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import fr.maillage.audit.AuditEvent.Category;

/**
 * An entry as the journal page shows it.
 *
 * @param actorName the actor's display name read from the user table now: an anonymised
 * person shows as anonymised; {@code null} when the user row no longer exists
 */
record AuditEntry(long id, ZonedDateTime occurredAt, Category category, String action, Long actorUserId,
		String actorName, String objectType, String objectId, String departementCode, Long structureId,
		Map<String, Object> before, Map<String, Object> after) {

	/**
	 * The fields that changed, in alphabetical order (jsonb does not keep the written
	 * order); for a creation or an event, every field it carries.
	 */
	public List<FieldChange> changes() {
		TreeSet<String> fields = new TreeSet<>(this.before.keySet());
		fields.addAll(this.after.keySet());
		return fields.stream()
			.filter(field -> !(this.before.containsKey(field) && this.after.containsKey(field)
					&& Objects.equals(this.before.get(field), this.after.get(field))))
			.map(field -> new FieldChange(field, this.before.containsKey(field), this.before.get(field),
					this.after.containsKey(field), this.after.get(field)))
			.toList();
	}

	/** One field, with its value before and after when it had one. */
	record FieldChange(String field, boolean hadBefore, Object before, boolean hasAfter, Object after) {
	}

}
