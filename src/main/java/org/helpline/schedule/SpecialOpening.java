package org.helpline.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Extra opening on one date, e.g. a crisis line staffed on Christmas Day. The special
 * openings of a date replace its weekly hours and win over holidays and closures.
 */
public record SpecialOpening(LocalDate date, LocalTime start, LocalTime end, @Nullable String reason) {

	public SpecialOpening {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
	}

	LocalSpan span() {
		return new LocalSpan(this.start, this.end);
	}

}
