/**
 * E-mail: an outbox written in the caller's transaction, and a background sender with
 * retries. Other modules use {@link fr.maillage.notification.EmailOutbox}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package fr.maillage.notification;
