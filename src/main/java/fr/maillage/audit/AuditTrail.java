package fr.maillage.audit;

/**
 * Records what happened, in the caller's transaction (a change and its trace commit or
 * roll back together). Entries are never updated nor deleted by the application, except
 * by the retention purge.
 */
public interface AuditTrail {

	void record(AuditEvent event);

	/** Records many events at once (an import): one batch, same transaction rules. */
	default void recordAll(java.util.List<AuditEvent> events) {
		events.forEach(this::record);
	}

}
