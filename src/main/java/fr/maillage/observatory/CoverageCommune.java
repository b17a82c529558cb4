package fr.maillage.observatory;

/**
 * A commune that no active structure serves.
 *
 * @param code its INSEE code
 * @param name its name
 * @param population its inhabitants (0 when the official geography gives none)
 */
public record CoverageCommune(String code, String name, long population) {
}
