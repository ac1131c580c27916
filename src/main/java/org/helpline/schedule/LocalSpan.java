package org.helpline.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A wall-clock interval within one day, end exclusive, with midnight as an end meaning the
 * end of the day.
 */
record LocalSpan(LocalTime start, LocalTime end) {

	static final int MINUTES_PER_DAY = 24 * 60;

	LocalDateTime startOn(LocalDate date) {
		return date.atTime(this.start);
	}

	LocalDateTime endOn(LocalDate date) {
		return endsAtMidnight() ? date.plusDays(1).atStartOfDay() : date.atTime(this.end);
	}

	boolean endsAtMidnight() {
		return this.end.equals(LocalTime.MIDNIGHT);
	}

	boolean isEmptyOrReversed() {
		return endMinute() <= startMinute();
	}

	boolean overlaps(LocalSpan other) {
		return startMinute() < other.endMinute() && other.startMinute() < endMinute();
	}

	int startMinute() {
		return this.start.toSecondOfDay() / 60;
	}

	int endMinute() {
		return endsAtMidnight() ? MINUTES_PER_DAY : this.end.toSecondOfDay() / 60;
	}

}
