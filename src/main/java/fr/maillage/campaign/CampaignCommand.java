package fr.maillage.campaign;

import java.time.LocalDate;

/**
 * What a national administrator asks for when creating a campaign; any field may be
 * missing, and {@link Campaigns#create} says what is wrong.
 */
public record CampaignCommand(Integer dataYear, LocalDate opensOn, LocalDate closesOn, Long questionnaireVersionId) {
}
