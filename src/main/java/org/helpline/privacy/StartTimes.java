package org.helpline.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Coarsens when a contact started, in the helpline's own wall-clock time. Exact start times
 * together with a carrier's records would point at one caller; an hour (the default) does
 * not, and still tells in which hour of the week people call when the line is closed.
 * Local rather than UTC so that days, months, quarters and years are the helpline's own: a
 * call at 00:30 on 1 January in Amsterdam belongs to the new year, whatever the resolution.
 */
public final class StartTimes {

	private static final Duration DAY = Duration.ofDays(1);

	private final long minutes;

	/**
	 * @param resolution a whole number of minutes that divides a day: 15m, 1h, 4h, 1d, …
	 */
	public StartTimes(Duration resolution) {
		if (resolution.isNegative() || resolution.isZero() || resolution.compareTo(DAY) > 0
				|| resolution.toSecondsPart() != 0 || DAY.toMinutes() % resolution.toMinutes() != 0) {
			throw new IllegalArgumentException("helpline.privacy.start-time-resolution must be whole minutes that"
					+ " divide a day (15m, 1h, 1d, …), not " + resolution);
		}
		this.minutes = resolution.toMinutes();
	}

	public LocalDateTime coarsen(Instant at, ZoneId zone) {
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		long minuteOfDay = local.getHour() * 60L + local.getMinute();
		return local.toLocalDate().atStartOfDay().plusMinutes(minuteOfDay / minutes * minutes);
	}

	/** Whether a coarsened time still tells the hour (needed for demand by hour of the week). */
	public boolean keepsTheHour() {
		return minutes <= 60;
	}

}
