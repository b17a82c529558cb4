package fr.maillage.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A structure's deadline falls at 23:59 on its closing date (the campaign's, or its
 * extension's), in the structure's own time zone: a centre in La Réunion closes three
 * hours before one in Lyon, one in Guyane four hours after.
 */
public final class Deadlines {

	static final ZoneId METROPOLE = ZoneId.of("Europe/Paris");

	/** Overseas départements with a Caf, by code; every other one is on Paris time. */
	private static final Map<String, ZoneId> OVERSEAS = Map.of("971", ZoneId.of("America/Guadeloupe"), "972",
			ZoneId.of("America/Martinique"), "973", ZoneId.of("America/Cayenne"), "974", ZoneId.of("Indian/Reunion"),
			"975", ZoneId.of("America/Miquelon"), "976", ZoneId.of("Indian/Mayotte"), "977",
			ZoneId.of("America/St_Barthelemy"), "978", ZoneId.of("America/Marigot"));

	private Deadlines() {
	}

	/** The time zone of a structure in this département. */
	public static ZoneId zone(String departementCode) {
		return OVERSEAS.getOrDefault(departementCode, METROPOLE);
	}

	/** The last instant at which a structure in this département may still answer. */
	public static Instant deadline(LocalDate closesOn, String departementCode) {
		return closesOn.atTime(LocalTime.of(23, 59, 59)).atZone(zone(departementCode)).toInstant();
	}

	/**
	 * The deadline of a structure: its extension's date if it has one (never earlier than
	 * the campaign's close), otherwise the campaign's close.
	 */
	public static Instant deadline(LocalDate closesOn, LocalDate extendedUntil, String departementCode) {
		LocalDate last = (extendedUntil != null && extendedUntil.isAfter(closesOn)) ? extendedUntil : closesOn;
		return deadline(last, departementCode);
	}

	/** Whether the deadline has passed at {@code now}. */
	public static boolean passed(Instant now, LocalDate closesOn, LocalDate extendedUntil, String departementCode) {
		return now.isAfter(deadline(closesOn, extendedUntil, departementCode));
	}

	/**
	 * A deadline as French readers write it, at the structure's own time: "31 janvier
	 * 2027 à 23 h 59", "1er mars 2027 à 23 h 59".
	 */
	public static String text(Instant deadline, String departementCode) {
		java.time.ZonedDateTime local = deadline.atZone(zone(departementCode));
		String day = (local.getDayOfMonth() == 1) ? "1er" : Integer.toString(local.getDayOfMonth());
		return day + " " + local.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.FRENCH)
				+ " " + local.getYear() + " à " + local.getHour() + " h " + String.format("%02d", local.getMinute());
	}

	/** A date as French readers write it: "31 janvier 2027", "1er mars 2027". */
	public static String text(LocalDate date) {
		String day = (date.getDayOfMonth() == 1) ? "1er" : Integer.toString(date.getDayOfMonth());
		return day + " " + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.FRENCH)
				+ " " + date.getYear();
	}

	/** The structure's own date at {@code now}. */
	public static LocalDate today(Instant now, String departementCode) {
		return LocalDate.ofInstant(now, zone(departementCode));
	}

}
