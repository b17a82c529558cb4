package fr.maillage.territory;

/**
 * One class of a map's colour scale: the départements whose value lies between
 * {@code from} and {@code to} (both included), drawn in {@code fill}. A page's legend
 * writes the range as text, so that colour is never the only clue, and shows a swatch
 * with {@code cssClass} (defined in {@code maillage.css}, as inline styles are
 * forbidden).
 *
 * @param cssClass e.g. {@code map-class-3}, or {@code map-class-none} for the neutral
 * class
 * @param fill the colour, e.g. {@code #fe9929}
 * @param from the smallest value of the class
 * @param to the largest value of the class
 * @param departements how many départements fall in it
 */
public record ChoroplethClass(String cssClass, String fill, long from, long to, int departements) {
}
