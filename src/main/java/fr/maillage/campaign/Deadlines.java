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

	/** The structure's own date at {@code now}. */
	public static LocalDate today(Instant now, String departementCode) {
		return LocalDate.ofInstant(now, zone(departementCode));
	}

}
