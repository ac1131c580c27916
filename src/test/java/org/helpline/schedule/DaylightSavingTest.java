package org.helpline.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.schedule.Fixtures.AMSTERDAM;
import static org.helpline.schedule.Fixtures.HOURS;
import static org.helpline.schedule.Fixtures.at;
import static org.helpline.schedule.Fixtures.closed;
import static org.helpline.schedule.Fixtures.dutchOfficeHours;
import static org.helpline.schedule.Fixtures.offsetInstant;
import static org.helpline.schedule.Fixtures.on;
import static org.helpline.schedule.Fixtures.open;
import static org.helpline.schedule.Fixtures.zoned;

// Europe/Amsterdam: on Sunday 2027-03-28 the clocks jump from 02:00 to 03:00, on Sunday
// 2027-10-31 they turn back from 03:00 to 02:00.
class DaylightSavingTest {

	private static final Set<DayOfWeek> SUNDAY = EnumSet.of(DayOfWeek.SUNDAY);

	@Test
	void lineOpenAllDayStaysOpenThroughBothClockChanges() {
		Schedule schedule = noHolidays(on(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00"));

		for (String day : List.of("2027-03-27T12:00:00Z", "2027-10-30T12:00:00Z")) {
			Instant from = Instant.parse(day);
			for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(2))); t = t.plus(Duration.ofMinutes(20))) {
				assertThat(HOURS.statusAt(schedule, t).isOpen()).as("open at %s", t).isTrue();
				assertThat(HOURS.nextOpeningAfter(schedule, t).map(ZonedDateTime::toInstant)).contains(t);
			}
		}
	}

	@Test
	void allDayOnTheSpringSundayLastsTwentyThreeHours() {
		Schedule schedule = noHolidays(on(SUNDAY, "00:00", "00:00"));

		ZonedDateTime opens = HOURS.nextOpeningAfter(schedule, at("2027-03-27T12:00")).orElseThrow();
		ZonedDateTime closes = open(HOURS.statusAt(schedule, opens.toInstant())).closesAt();

		assertThat(opens).isEqualTo(zoned("2027-03-28T00:00"));
		assertThat(closes).isEqualTo(zoned("2027-03-29T00:00"));
		assertThat(Duration.between(opens, closes)).isEqualTo(Duration.ofHours(23));
	}

	@Test
	void allDayOnTheAutumnSundayLastsTwentyFiveHours() {
		Schedule schedule = noHolidays(on(SUNDAY, "00:00", "00:00"));

		ZonedDateTime opens = HOURS.nextOpeningAfter(schedule, at("2027-10-30T12:00")).orElseThrow();
		ZonedDateTime closes = open(HOURS.statusAt(schedule, opens.toInstant())).closesAt();

		assertThat(Duration.between(opens, closes)).isEqualTo(Duration.ofHours(25));
	}

	@Test
	void nightIntervalAcrossTheSkippedHourIsAnHourShorter() {
		Schedule schedule = noHolidays(on(SUNDAY, "01:00", "04:00"));

		ZonedDateTime opens = HOURS.nextOpeningAfter(schedule, at("2027-03-27T12:00")).orElseThrow();
		ZonedDateTime closes = open(HOURS.statusAt(schedule, offsetInstant("2027-03-28T01:30+01:00"))).closesAt();

		assertThat(opens.toOffsetDateTime()).hasToString("2027-03-28T01:00+01:00");
		assertThat(closes.toOffsetDateTime()).hasToString("2027-03-28T04:00+02:00");
		assertThat(Duration.between(opens, closes)).isEqualTo(Duration.ofHours(2));
		assertThat(HOURS.statusAt(schedule, offsetInstant("2027-03-28T01:59:59+01:00")).isOpen()).isTrue();
		assertThat(HOURS.statusAt(schedule, offsetInstant("2027-03-28T03:00+02:00")).isOpen()).isTrue();
	}

	@Test
	void nightIntervalAcrossTheRepeatedHourIsAnHourLongerAndOpenOnBothPasses() {
		Schedule schedule = noHolidays(on(SUNDAY, "01:00", "04:00"));
		Instant firstPass = offsetInstant("2027-10-31T02:30+02:00");
		Instant secondPass = offsetInstant("2027-10-31T02:30+01:00");

		ZonedDateTime opens = HOURS.nextOpeningAfter(schedule, at("2027-10-30T12:00")).orElseThrow();
		LineStatus.Open first = open(HOURS.statusAt(schedule, firstPass));
		LineStatus.Open second = open(HOURS.statusAt(schedule, secondPass));

		assertThat(opens.toOffsetDateTime()).hasToString("2027-10-31T01:00+02:00");
		assertThat(first).isEqualTo(second);
		assertThat(first.closesAt().toOffsetDateTime()).hasToString("2027-10-31T04:00+01:00");
		assertThat(Duration.between(opens, first.closesAt())).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void intervalStartingInTheSkippedHourOpensWhenTheClocksJump() {
		Schedule schedule = noHolidays(on(SUNDAY, "02:30", "05:00"));

		LineStatus.Closed before = closed(HOURS.statusAt(schedule, offsetInstant("2027-03-28T01:59:59+01:00")));

		assertThat(before.reason()).isEqualTo(ClosedReason.OUTSIDE_HOURS);
		assertThat(before.opensAt().map(ZonedDateTime::toOffsetDateTime).map(Object::toString))
			.contains("2027-03-28T03:00+02:00");
		assertThat(HOURS.nextOpeningAfter(schedule, at("2027-03-28T00:00")).map(ZonedDateTime::toInstant))
			.contains(offsetInstant("2027-03-28T03:00+02:00"));
		assertThat(open(HOURS.statusAt(schedule, offsetInstant("2027-03-28T03:00+02:00"))).closesAt())
			.isEqualTo(zoned("2027-03-28T05:00"));
	}

	// Pure wall-clock semantics: at 03:00 summer time the clock reads 02:00 again, which is
	// before 02:30, so the line pauses until the clock reads 02:30 for the second time.
	@Test
	void intervalStartingInTheRepeatedHourGivesBothPassesTheSameStatus() {
		Schedule schedule = noHolidays(on(SUNDAY, "02:30", "04:00"));

		for (String localTime : List.of("02:10", "02:29", "02:30", "02:40", "02:59")) {
			boolean first = HOURS.statusAt(schedule, offsetInstant("2027-10-31T" + localTime + "+02:00")).isOpen();
			boolean second = HOURS.statusAt(schedule, offsetInstant("2027-10-31T" + localTime + "+01:00")).isOpen();
			assertThat(first).as(localTime).isEqualTo(second);
		}
		assertThat(HOURS.nextOpeningAfter(schedule, offsetInstant("2027-10-31T02:10+01:00")).map(ZonedDateTime::toInstant))
			.contains(offsetInstant("2027-10-31T02:30+01:00"));
		assertThat(open(HOURS.statusAt(schedule, offsetInstant("2027-10-31T02:40+02:00"))).closesAt().toInstant())
			.isEqualTo(offsetInstant("2027-10-31T03:00+02:00"));
	}

	@ParameterizedTest
	@CsvSource({
		// Easter Monday 2027-03-29 is a holiday, so the line opens on Tuesday in summer time.
		"2027-03-27T18:00+01:00, 2027-03-30T09:00+02:00",
		"2027-03-26T17:00+01:00, 2027-03-30T09:00+02:00",
		"2027-10-30T18:00+02:00, 2027-11-01T09:00+01:00",
		"2027-10-29T17:30+02:00, 2027-11-01T09:00+01:00",
	})
	void nextOpeningAcrossAClockChangeUsesTheNewOffset(String from, String expected) {
		assertThat(HOURS.nextOpeningAfter(dutchOfficeHours(), offsetInstant(from))
			.map(ZonedDateTime::toOffsetDateTime)
			.map(Object::toString)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource({
		// New Year's Day on a Friday, then the weekend.
		"2026-12-31T18:00, 2027-01-04T09:00",
		"2029-12-31T18:00, 2030-01-02T09:00",
		"2030-12-31T17:00, 2031-01-02T09:00",
		// Still open on New Year's Eve afternoon.
		"2029-12-31T16:00, 2029-12-31T16:00",
	})
	void nextOpeningAtTheYearEndSkipsNewYearsDay(String from, String expected) {
		assertThat(HOURS.nextOpeningAfter(dutchOfficeHours(), at(from))).contains(zoned(expected));
	}

	private static Schedule noHolidays(List<OpeningInterval> weekly) {
		return new Schedule(AMSTERDAM, "nl", weekly, new HolidayPolicy(Set.of(), Set.of(), Set.of()), List.of(),
				List.of());
	}

}
