package fr.maillage.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Shows instants on the pages as the date and time in France, e.g. 27/11/2026 11:00. */
record FrenchDates(Clock clock) {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE);

	/** An empty text for no date. */
	public String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant.atZone(this.clock.getZone())) : "";
	}

}
