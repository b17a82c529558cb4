package fr.maillage.territory;

/**
 * A département (INSEE code, e.g. {@code 66}, {@code 2A}, {@code 974}) and its region.
 */
public record Departement(String code, String name, String regionCode) {
}
