package fr.maillage.observatory;

/**
 * One line of the coverage map's legend: a swatch and the range of values it stands for,
 * written out so that colour is never the only clue.
 *
 * @param cssClass the swatch's class ({@code map-class-1}…, {@code map-class-none})
 * @param label the range, e.g. « de 12,5 % à 40,0 % »
 * @param departements how many départements fall in it
 */
public record CoverageLegend(String cssClass, String label, int departements) {
}
