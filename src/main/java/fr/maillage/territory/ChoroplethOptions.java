package fr.maillage.territory;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * What a {@link DepartementMap} says and where it leads. Every text comes from the caller
 * (its message bundle); the map adds only the départements' names and codes.
 *
 * @param idPrefix prefix of the ids in the SVG (letters, digits, {@code -} and {@code _},
 * starting with a letter), different for each map of a page
 * @param title the map's accessible name, e.g. « Structures par département »
 * @param description what it shows, read after the name, e.g. the year and the source
 * @param noValue the text shown for a département without a value, e.g. « aucune donnée »
 * @param link the address of each département's link, by INSEE code; {@code null} for a
 * map without links, and a {@code null} address leaves that département without one
 * @param format how a value is written, in each département's title
 */
public record ChoroplethOptions(String idPrefix, String title, String description, String noValue,
		Function<String, String> link, LongFunction<String> format) {

	private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

	public ChoroplethOptions {
		Objects.requireNonNull(idPrefix, "idPrefix");
		if (!ID.matcher(idPrefix).matches()) {
			throw new IllegalArgumentException("Not a usable id prefix: " + idPrefix);
		}
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(noValue, "noValue");
		Objects.requireNonNull(format, "format");
	}

	/** Options for a map without links, its values written in French ({@code 1 234}). */
	public static ChoroplethOptions of(String idPrefix, String title, String description, String noValue) {
		return new ChoroplethOptions(idPrefix, title, description, noValue, null, ChoroplethOptions::french);
	}

	/** The same options, each département linked to {@code link.apply(code)}. */
	public ChoroplethOptions withLinks(Function<String, String> link) {
		return new ChoroplethOptions(this.idPrefix, this.title, this.description, this.noValue,
				Objects.requireNonNull(link, "link"), this.format);
	}

	/** The same options, values written by {@code format} (a percentage, an amount…). */
	public ChoroplethOptions withFormat(LongFunction<String> format) {
		return new ChoroplethOptions(this.idPrefix, this.title, this.description, this.noValue, this.link, format);
	}

	private static String french(long value) {
		return NumberFormat.getIntegerInstance(Locale.FRANCE).format(value);
	}

}
