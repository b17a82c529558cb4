package fr.maillage.territory;

/** A region of France (INSEE code, e.g. {@code 76} Occitanie). */
public record Region(String code, String name) {
}
