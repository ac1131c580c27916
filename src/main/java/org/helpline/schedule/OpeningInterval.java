package org.helpline.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Weekly opening hours on one day, in local wall-clock time: start inclusive, end
 * exclusive. An end of {@link LocalTime#MIDNIGHT} means "until the end of the day", so
 * 00:00–00:00 is open all day.
 */
public record OpeningInterval(DayOfWeek day, LocalTime start, LocalTime end) {

	public OpeningInterval {
		Objects.requireNonNull(day, "day");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
	}

	LocalSpan span() {
		return new LocalSpan(this.start, this.end);
	}

}
