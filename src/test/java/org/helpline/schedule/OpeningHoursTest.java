package org.helpline.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.schedule.Fixtures.AMSTERDAM;
import static org.helpline.schedule.Fixtures.HOURS;
import static org.helpline.schedule.Fixtures.at;
import static org.helpline.schedule.Fixtures.closed;
import static org.helpline.schedule.Fixtures.dutch;
import static org.helpline.schedule.Fixtures.dutchOfficeHours;
import static org.helpline.schedule.Fixtures.on;
import static org.helpline.schedule.Fixtures.open;
import static org.helpline.schedule.Fixtures.weekdays;
import static org.helpline.schedule.Fixtures.zoned;

// 2026-03-02 is a Monday without holidays around it.
class OpeningHoursTest {

	@Test
	void openDuringOfficeHoursUntilFiveOClock() {
		LineStatus status = HOURS.statusAt(dutchOfficeHours(), at("2026-03-02T10:00"));

		assertThat(open(status).closesAt()).isEqualTo(zoned("2026-03-02T17:00"));
		assertThat(status.isOpen()).isTrue();
	}

	@Test
	void startIsInclusiveAndEndExclusive() {
		Schedule schedule = dutchOfficeHours();

		assertThat(HOURS.statusAt(schedule, at("2026-03-02T09:00")).isOpen()).isTrue();
		assertThat(HOURS.statusAt(schedule, at("2026-03-02T08:59:59")).isOpen()).isFalse();
		assertThat(HOURS.statusAt(schedule, at("2026-03-02T16:59:59")).isOpen()).isTrue();
		assertThat(HOURS.statusAt(schedule, at("2026-03-02T17:00")).isOpen()).isFalse();
	}

	@Test
	void closedInTheEveningOpensNextMorning() {
		LineStatus.Closed closed = closed(HOURS.statusAt(dutchOfficeHours(), at("2026-03-02T20:00")));

		assertThat(closed.reason()).isEqualTo(ClosedReason.OUTSIDE_HOURS);
		assertThat(closed.opensAt()).contains(zoned("2026-03-03T09:00"));
		assertThat(closed.holidayKey()).isEmpty();
		assertThat(closed.closure()).isEmpty();
	}

	@Test
	void closedEarlyInTheMorningOpensTheSameDay() {
		LineStatus.Closed closed = closed(HOURS.statusAt(dutchOfficeHours(), at("2026-03-03T07:00")));

		assertThat(closed.reason()).isEqualTo(ClosedReason.OUTSIDE_HOURS);
		assertThat(closed.opensAt()).contains(zoned("2026-03-03T09:00"));
	}

	@Test
	void closedAtTheWeekendOpensOnMonday() {
		LineStatus.Closed closed = closed(HOURS.statusAt(dutchOfficeHours(), at("2026-03-07T12:00")));

		assertThat(closed.reason()).isEqualTo(ClosedReason.NOT_OPEN_TODAY);
		assertThat(closed.opensAt()).contains(zoned("2026-03-09T09:00"));
	}

	@Test
	void closedOnKingsDayWithItsKeyAndOpensTheNextWorkingDay() {
		LineStatus.Closed closed = closed(HOURS.statusAt(dutchOfficeHours(), at("2026-04-27T10:00")));

		assertThat(closed.reason()).isEqualTo(ClosedReason.PUBLIC_HOLIDAY);
		assertThat(closed.holidayKey()).contains("KINGS_DAY");
		assertThat(closed.opensAt()).contains(zoned("2026-04-28T09:00"));
	}

	@Test
	void holidayOnASundayTakesPrecedenceOverNotOpenToday() {
		LineStatus.Closed closed = closed(HOURS.statusAt(dutchOfficeHours(), at("2026-04-05T10:00")));

		assertThat(closed.reason()).isEqualTo(ClosedReason.PUBLIC_HOLIDAY);
		assertThat(closed.holidayKey()).contains("christian.EASTER");
		assertThat(closed.opensAt()).contains(zoned("2026-04-07T09:00"));
	}

	@Test
	void closedOnAClosureDayWithItsPromptUntilTheClosureEnds() {
		Closure training = new Closure(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-13"), "Team training",
				"closure-training");
		Schedule schedule = withClosures(dutchOfficeHours(), training);

		LineStatus.Closed closed = closed(HOURS.statusAt(schedule, at("2026-03-10T10:00")));

		assertThat(closed.reason()).isEqualTo(ClosedReason.CLOSURE);
		assertThat(closed.closure()).contains(training);
		assertThat(closed.closure().map(Closure::messagePrompt)).contains("closure-training");
		assertThat(closed.holidayKey()).isEmpty();
		assertThat(closed.opensAt()).contains(zoned("2026-03-16T09:00"));
	}

	@Test
	void closureIncludesItsFirstAndLastDay() {
		Schedule schedule = withClosures(dutchOfficeHours(),
				new Closure(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-04"), "Move", null));

		assertThat(HOURS.statusAt(schedule, at("2026-03-02T16:00")).isOpen()).isTrue();
		assertThat(closed(HOURS.statusAt(schedule, at("2026-03-03T09:00"))).reason()).isEqualTo(ClosedReason.CLOSURE);
		assertThat(closed(HOURS.statusAt(schedule, at("2026-03-04T16:00"))).reason()).isEqualTo(ClosedReason.CLOSURE);
		assertThat(HOURS.statusAt(schedule, at("2026-03-05T09:00")).isOpen()).isTrue();
	}

	@Test
	void closureTakesPrecedenceOverAPublicHoliday() {
		Closure closure = new Closure(LocalDate.parse("2026-04-27"), LocalDate.parse("2026-04-28"), "Renovation", null);
		Schedule schedule = withClosures(dutchOfficeHours(), closure);

		LineStatus.Closed closed = closed(HOURS.statusAt(schedule, at("2026-04-27T10:00")));

		assertThat(closed.reason()).isEqualTo(ClosedReason.CLOSURE);
		assertThat(closed.holidayKey()).isEmpty();
		assertThat(closed.closure().flatMap((c) -> Optional.ofNullable(c.messagePrompt()))).isEmpty();
		assertThat(closed.opensAt()).contains(zoned("2026-04-29T09:00"));
	}

	@Test
	void specialOpeningOnChristmasDayOpensTheLineDespiteTheHoliday() {
		Schedule schedule = withSpecialOpenings(dutchOfficeHours(), special("2026-12-25", "10:00", "14:00"));

		assertThat(open(HOURS.statusAt(schedule, at("2026-12-25T11:00"))).closesAt())
			.isEqualTo(zoned("2026-12-25T14:00"));
	}

	@Test
	void aroundASpecialOpeningOnAHolidayTheHolidayExplainsTheClosure() {
		Schedule schedule = withSpecialOpenings(dutchOfficeHours(), special("2026-12-25", "10:00", "14:00"));

		LineStatus.Closed before = closed(HOURS.statusAt(schedule, at("2026-12-25T09:00")));
		LineStatus.Closed after = closed(HOURS.statusAt(schedule, at("2026-12-25T15:00")));

		assertThat(before.reason()).isEqualTo(ClosedReason.PUBLIC_HOLIDAY);
		assertThat(before.holidayKey()).contains("FIRST_CHRISTMAS_DAY");
		assertThat(before.opensAt()).contains(zoned("2026-12-25T10:00"));
		// Boxing Day (Saturday 26th) and Sunday stay closed.
		assertThat(after.opensAt()).contains(zoned("2026-12-28T09:00"));
	}

	@Test
	void specialOpeningReplacesTheWeeklyHoursOfItsDate() {
		Schedule schedule = withSpecialOpenings(dutchOfficeHours(), special("2026-03-03", "12:00", "14:00"));

		LineStatus.Closed morning = closed(HOURS.statusAt(schedule, at("2026-03-03T10:00")));

		assertThat(morning.reason()).isEqualTo(ClosedReason.OUTSIDE_HOURS);
		assertThat(morning.opensAt()).contains(zoned("2026-03-03T12:00"));
		assertThat(open(HOURS.statusAt(schedule, at("2026-03-03T13:00"))).closesAt())
			.isEqualTo(zoned("2026-03-03T14:00"));
		assertThat(HOURS.statusAt(schedule, at("2026-03-03T15:00")).isOpen()).isFalse();
	}

	@Test
	void specialOpeningOnASaturdayIsTheNextOpeningAfterFridayEvening() {
		Schedule schedule = withSpecialOpenings(dutchOfficeHours(), special("2026-03-07", "10:00", "12:00"));

		assertThat(HOURS.nextOpeningAfter(schedule, at("2026-03-06T18:00"))).contains(zoned("2026-03-07T10:00"));
	}

	@Test
	void specialOpeningDuringAClosureOpensOnlyForItsInterval() {
		Schedule schedule = new Schedule(AMSTERDAM, "nl", weekdays("09:00", "17:00"), HolidayPolicy.DEFAULT,
				List.of(new Closure(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-13"), "Training", null)),
				List.of(special("2026-03-11", "18:00", "20:00")));

		LineStatus.Closed morning = closed(HOURS.statusAt(schedule, at("2026-03-11T10:00")));

		assertThat(morning.reason()).isEqualTo(ClosedReason.CLOSURE);
		assertThat(morning.opensAt()).contains(zoned("2026-03-11T18:00"));
		assertThat(open(HOURS.statusAt(schedule, at("2026-03-11T19:00"))).closesAt())
			.isEqualTo(zoned("2026-03-11T20:00"));
	}

	@Test
	void closedDuringTheLunchBreakOpensAfterIt() {
		Schedule schedule = dutch(weekdays("09:00", "12:00", "13:00", "17:00"));

		LineStatus.Closed lunch = closed(HOURS.statusAt(schedule, at("2026-03-02T12:30")));

		assertThat(lunch.reason()).isEqualTo(ClosedReason.OUTSIDE_HOURS);
		assertThat(lunch.opensAt()).contains(zoned("2026-03-02T13:00"));
		assertThat(open(HOURS.statusAt(schedule, at("2026-03-02T11:00"))).closesAt())
			.isEqualTo(zoned("2026-03-02T12:00"));
	}

	@Test
	void adjacentIntervalsFormOneOpenPeriod() {
		Schedule schedule = dutch(weekdays("09:00", "12:00", "12:00", "17:00", "19:00", "22:00"));

		assertThat(open(HOURS.statusAt(schedule, at("2026-03-02T10:00"))).closesAt())
			.isEqualTo(zoned("2026-03-02T17:00"));
		assertThat(closed(HOURS.statusAt(schedule, at("2026-03-02T18:00"))).opensAt())
			.contains(zoned("2026-03-02T19:00"));
		assertThat(open(HOURS.statusAt(schedule, at("2026-03-02T20:00"))).closesAt())
			.isEqualTo(zoned("2026-03-02T22:00"));
	}

	@Test
	void intervalEndingAtMidnightContinuesIntoTheNextDay() {
		Schedule schedule = dutch(List.of(interval(DayOfWeek.FRIDAY, "18:00", "00:00"),
				interval(DayOfWeek.SATURDAY, "00:00", "02:00")));

		assertThat(open(HOURS.statusAt(schedule, at("2026-03-06T20:00"))).closesAt())
			.isEqualTo(zoned("2026-03-07T02:00"));
		assertThat(HOURS.statusAt(schedule, at("2026-03-06T23:59:59")).isOpen()).isTrue();
		assertThat(HOURS.statusAt(schedule, at("2026-03-07T00:00")).isOpen()).isTrue();
	}

	@Test
	void closureTheNextDayCutsAnOpenPeriodAtMidnight() {
		Schedule schedule = withClosures(dutch(List.of(interval(DayOfWeek.FRIDAY, "18:00", "00:00"),
				interval(DayOfWeek.SATURDAY, "00:00", "02:00"))),
				new Closure(LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-07"), "Outage", "closure-outage"));

		assertThat(open(HOURS.statusAt(schedule, at("2026-03-06T20:00"))).closesAt())
			.isEqualTo(zoned("2026-03-07T00:00"));
	}

	@Test
	void theQuickLookOfAnIncomingCallAgreesWithTheFullStatusAtEveryMoment() {
		List<Schedule> schedules = List.of(dutchOfficeHours(), dutch(on(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00")),
				dutch(List.of(interval(DayOfWeek.FRIDAY, "18:00", "00:00"), interval(DayOfWeek.SATURDAY, "00:00", "02:00"))));
		// Two weeks around the change to summer time, and King's Day.
		for (Schedule schedule : schedules) {
			for (java.time.Instant t = at("2026-03-23T00:00"); t.isBefore(at("2026-04-06T00:00")); t = t.plusSeconds(17 * 60)) {
				assertThat(HOURS.isOpen(schedule, t)).as(t.toString()).isEqualTo(HOURS.statusAt(schedule, t).isOpen());
			}
			for (java.time.Instant t = at("2026-04-26T00:00"); t.isBefore(at("2026-04-28T00:00")); t = t.plusSeconds(29 * 60)) {
				assertThat(HOURS.isOpen(schedule, t)).as(t.toString()).isEqualTo(HOURS.statusAt(schedule, t).isOpen());
			}
		}
	}

	@Test
	void lineOpenAroundTheClockClosesOnlyAtTheSearchHorizon() {
		Schedule schedule = dutch(on(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00"));
		Schedule withoutHolidays = new Schedule(AMSTERDAM, "nl", schedule.weekly(),
				new HolidayPolicy(Set.of(), Set.of(), Set.of()), List.of(), List.of());

		LineStatus.Open open = open(HOURS.statusAt(withoutHolidays, at("2026-03-02T10:00")));

		assertThat(Duration.between(at("2026-03-02T10:00"), open.closesAt().toInstant()))
			.isGreaterThan(Duration.ofDays(OpeningHours.HORIZON_DAYS - 1));
		assertThat(HOURS.nextOpeningAfter(withoutHolidays, at("2026-03-02T10:00")))
			.contains(zoned("2026-03-02T10:00"));
	}

	@Test
	void lineOpenAroundTheClockStillClosesOnHolidays() {
		Schedule schedule = dutch(on(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00"));

		assertThat(open(HOURS.statusAt(schedule, at("2026-04-26T10:00"))).closesAt())
			.isEqualTo(zoned("2026-04-27T00:00"));
		assertThat(closed(HOURS.statusAt(schedule, at("2026-04-27T10:00"))).opensAt())
			.contains(zoned("2026-04-28T00:00"));
	}

	@Test
	void lineWithoutAnyHoursNeverOpens() {
		Schedule schedule = dutch(List.of());

		LineStatus.Closed closed = closed(HOURS.statusAt(schedule, at("2026-03-02T10:00")));

		assertThat(closed.reason()).isEqualTo(ClosedReason.NOT_OPEN_TODAY);
		assertThat(closed.opensAt()).isEmpty();
		assertThat(HOURS.nextOpeningAfter(schedule, at("2026-03-02T10:00"))).isEmpty();
	}

	@Test
	void nextOpeningLooksAboutFourHundredDaysAhead() {
		Schedule soon = withSpecialOpenings(dutch(List.of()), special("2026-12-01", "10:00", "11:00"));
		Schedule tooLate = withSpecialOpenings(dutch(List.of()), special("2027-06-01", "10:00", "11:00"));

		assertThat(HOURS.nextOpeningAfter(soon, at("2026-03-02T10:00"))).contains(zoned("2026-12-01T10:00"));
		assertThat(HOURS.nextOpeningAfter(tooLate, at("2026-03-02T10:00"))).isEmpty();
	}

	@Test
	void nextOpeningWhileOpenIsNow() {
		assertThat(HOURS.nextOpeningAfter(dutchOfficeHours(), at("2026-03-02T10:00:30")))
			.contains(zoned("2026-03-02T10:00:30"));
	}

	@Test
	void goodFridayStaysOpenByDefaultButClosesWhenTheOperatorSaysSo() {
		Schedule closingGoodFriday = new Schedule(AMSTERDAM, "nl", weekdays("09:00", "17:00"),
				new HolidayPolicy(Set.of(HolidayKind.PUBLIC), Set.of("christian.GOOD_FRIDAY"), Set.of()), List.of(),
				List.of());

		assertThat(HOURS.statusAt(dutchOfficeHours(), at("2026-04-03T10:00")).isOpen()).isTrue();
		LineStatus.Closed closed = closed(HOURS.statusAt(closingGoodFriday, at("2026-04-03T10:00")));
		assertThat(closed.reason()).isEqualTo(ClosedReason.PUBLIC_HOLIDAY);
		assertThat(closed.holidayKey()).contains("christian.GOOD_FRIDAY");
	}

	@Test
	void liberationDayClosesByDefaultButOperatorsCanStayOpen() {
		Schedule stayingOpen = new Schedule(AMSTERDAM, "nl", weekdays("09:00", "17:00"),
				new HolidayPolicy(Set.of(HolidayKind.PUBLIC), Set.of(), Set.of("LIBERATION")), List.of(), List.of());

		assertThat(closed(HOURS.statusAt(dutchOfficeHours(), at("2026-05-05T10:00"))).holidayKey())
			.contains("LIBERATION");
		assertThat(HOURS.statusAt(stayingOpen, at("2026-05-05T10:00")).isOpen()).isTrue();
	}

	@Test
	void stayOpenWinsOverAlsoClosed() {
		Schedule schedule = new Schedule(AMSTERDAM, "nl", weekdays("09:00", "17:00"),
				new HolidayPolicy(Set.of(), Set.of("KINGS_DAY"), Set.of("KINGS_DAY")), List.of(), List.of());

		assertThat(HOURS.statusAt(schedule, at("2026-04-27T10:00")).isOpen()).isTrue();
	}

	@Test
	void policyWithoutClosedTypesKeepsTheLineOpenOnHolidays() {
		Schedule schedule = new Schedule(AMSTERDAM, "nl", weekdays("09:00", "17:00"),
				new HolidayPolicy(Set.of(), Set.of(), Set.of()), List.of(), List.of());

		assertThat(HOURS.statusAt(schedule, at("2026-04-27T10:00")).isOpen()).isTrue();
	}

	@Test
	void statusIsReportedInTheScheduleZone() {
		LineStatus.Open open = open(HOURS.statusAt(dutchOfficeHours(), at("2026-03-02T10:00")));

		assertThat(open.closesAt().getZone()).isEqualTo(AMSTERDAM);
	}

	static OpeningInterval interval(DayOfWeek day, String start, String end) {
		return new OpeningInterval(day, LocalTime.parse(start), LocalTime.parse(end));
	}

	static SpecialOpening special(String date, String start, String end) {
		return new SpecialOpening(LocalDate.parse(date), LocalTime.parse(start), LocalTime.parse(end), "test");
	}

	private static Schedule withClosures(Schedule schedule, Closure... closures) {
		return new Schedule(schedule.zone(), schedule.country(), schedule.weekly(), schedule.holidays(),
				List.of(closures), schedule.specialOpenings());
	}

	private static Schedule withSpecialOpenings(Schedule schedule, SpecialOpening... openings) {
		return new Schedule(schedule.zone(), schedule.country(), schedule.weekly(), schedule.holidays(),
				schedule.closures(), List.of(openings));
	}

}
