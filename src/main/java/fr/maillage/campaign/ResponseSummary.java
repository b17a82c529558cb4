package fr.maillage.campaign;

/**
 * A response as other code sees it: enough to show its status and to post a transition
 * ({@code version} is the one to send back).
 */
public record ResponseSummary(long id, long campaignId, long structureId, int dataYear, ResponseStatus status,
		int version, String lastMessage) {
}
