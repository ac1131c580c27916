package org.helpline.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a schedule says about one local date: the spans it is open, and the reason to give
 * for the rest of the day.
 */
record DayPlan(List<LocalSpan> spans, ClosedReason closedReason, Optional<PublicHoliday> holiday,
		Optional<Closure> closure) {

	// Precedence: special opening > closure > public holiday > weekly hours. A special
	// opening only wins while it is open, so around it a closure or holiday still explains
	// why the line is closed.
	static DayPlan of(Schedule schedule, LocalDate date, List<PublicHoliday> holidaysOnDate) {
		List<LocalSpan> special = schedule.specialOpenings().stream()
			.filter((opening) -> opening.date().equals(date))
			.map(SpecialOpening::span)
			.toList();
		Optional<Closure> closure = schedule.closures().stream().filter((c) -> c.covers(date)).findFirst();
		Optional<PublicHoliday> holiday = closure.isPresent() ? Optional.empty()
				: holidaysOnDate.stream().filter(schedule.holidays()::closesOn).findFirst();
		boolean closedAllDay = closure.isPresent() || holiday.isPresent();
		List<LocalSpan> spans = !special.isEmpty() ? special : closedAllDay ? List.of() : weekly(schedule, date);
		return new DayPlan(spans, reason(closure, holiday, spans), holiday, closure);
	}

	private static List<LocalSpan> weekly(Schedule schedule, LocalDate date) {
		return schedule.weekly().stream()
			.filter((interval) -> interval.day() == date.getDayOfWeek())
			.map(OpeningInterval::span)
			.toList();
	}

	private static ClosedReason reason(Optional<Closure> closure, Optional<PublicHoliday> holiday,
			List<LocalSpan> spans) {
		if (closure.isPresent()) {
			return ClosedReason.CLOSURE;
		}
		if (holiday.isPresent()) {
			return ClosedReason.PUBLIC_HOLIDAY;
		}
		return spans.isEmpty() ? ClosedReason.NOT_OPEN_TODAY : ClosedReason.OUTSIDE_HOURS;
	}

}
