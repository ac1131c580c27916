package org.helpline.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.schedule.Fixtures.AMSTERDAM;
import static org.helpline.schedule.Fixtures.BRUSSELS;
import static org.helpline.schedule.Fixtures.HOLIDAYS;
import static org.helpline.schedule.Fixtures.HOURS;
import static org.helpline.schedule.Fixtures.closed;
import static org.helpline.schedule.Fixtures.weekdays;

// Every holiday Jollyday knows for NL and BE in 2026–2031, against office hours on weekdays
// and the default policy (closed on public holidays only).
class HolidayCalendarTableTest {

	static Stream<Arguments> holidays() {
		return Stream.of("nl", "be")
			.flatMap((country) -> IntStream.rangeClosed(2026, 2031)
				.boxed()
				.flatMap((year) -> HOLIDAYS.in(country, year).stream())
				.map((holiday) -> Arguments.of(country, holiday)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("holidays")
	void statusAtTenOnTheHolidayFollowsTheDefaultPolicy(String country, PublicHoliday holiday) {
		Schedule schedule = officeHours(country);

		LineStatus status = HOURS.statusAt(schedule, tenOClock(schedule.zone(), holiday.date()));

		if (holiday.type() == HolidayKind.PUBLIC) {
			LineStatus.Closed closed = closed(status);
			assertThat(closed.reason()).isEqualTo(ClosedReason.PUBLIC_HOLIDAY);
			assertThat(closed.holidayKey()).contains(holiday.key());
		}
		else if (isWeekend(holiday.date())) {
			assertThat(closed(status).reason()).isEqualTo(ClosedReason.NOT_OPEN_TODAY);
		}
		else {
			assertThat(status.isOpen()).isTrue();
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("holidays")
	void nextOpeningFromAHolidayIsTheNextWorkingDayWhenClosed(String country, PublicHoliday holiday) {
		Schedule schedule = officeHours(country);
		Instant t = tenOClock(schedule.zone(), holiday.date());
		boolean closedAllDay = holiday.type() == HolidayKind.PUBLIC || isWeekend(holiday.date());

		ZonedDateTime expected = closedAllDay
				? nextWorkingDay(country, holiday.date()).atTime(9, 0).atZone(schedule.zone())
				: t.atZone(schedule.zone());

		assertThat(HOURS.nextOpeningAfter(schedule, t)).contains(expected);
	}

	private static Schedule officeHours(String country) {
		ZoneId zone = "be".equals(country) ? BRUSSELS : AMSTERDAM;
		return new Schedule(zone, country, weekdays("09:00", "17:00"), HolidayPolicy.DEFAULT, List.of(), List.of());
	}

	private static LocalDate nextWorkingDay(String country, LocalDate date) {
		LocalDate day = date.plusDays(1);
		while (isWeekend(day) || HOLIDAYS.on(country, day).stream().anyMatch((h) -> h.type() == HolidayKind.PUBLIC)) {
			day = day.plusDays(1);
		}
		return day;
	}

	private static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static Instant tenOClock(ZoneId zone, LocalDate date) {
		return date.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
	}

}
