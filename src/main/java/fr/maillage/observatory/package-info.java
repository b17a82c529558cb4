/**
 * The public observatory: the indicator catalogue (data, like the questionnaire), figures
 * computed from validated responses per territory and data year and kept current by the
 * campaign module's events, statistical confidentiality, provisional and final versions,
 * the public pages of key figures, maps and comparisons, territory coverage, and the
 * open-data API under {@code /api/v1}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Observatory")
package fr.maillage.observatory;
