/**
 * E-mail: an outbox written in the caller's transaction, a background sender with retries
 * that several application instances share (ADR 9), the French e-mail templates
 * ({@code templates/mail/}), and the "Courriels" page of the national administration.
 * Other modules use {@link fr.maillage.notification.EmailOutbox}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package fr.maillage.notification;
