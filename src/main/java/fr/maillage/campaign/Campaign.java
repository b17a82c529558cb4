package fr.maillage.campaign;

import java.time.LocalDate;

/** A campaign: one data year's collection, answered against one questionnaire version. */
public record Campaign(long id, int dataYear, LocalDate opensOn, LocalDate closesOn, long questionnaireVersionId) {
}
