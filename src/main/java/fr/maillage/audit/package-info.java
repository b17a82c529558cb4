/**
 * The audit trail: an append-only record of every change to data and every security
 * event, read through a page filtered by scope, purged only by its retention job. Other
 * modules use {@link fr.maillage.audit.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package fr.maillage.audit;
