package org.helpline.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.schedule.Fixtures.AMSTERDAM;
import static org.helpline.schedule.Fixtures.HOLIDAYS;
import static org.helpline.schedule.Fixtures.dutch;
import static org.helpline.schedule.Fixtures.weekdays;
import static org.helpline.schedule.OpeningHoursTest.interval;
import static org.helpline.schedule.OpeningHoursTest.special;

class ScheduleValidatorTest {

	private final ScheduleValidator validator = new ScheduleValidator(HOLIDAYS);

	@Test
	void typicalScheduleIsValid() {
		Schedule schedule = new Schedule(AMSTERDAM, "nl", weekdays("09:00", "12:00", "12:00", "17:00"),
				new HolidayPolicy(Set.of(HolidayKind.PUBLIC), Set.of("christian.GOOD_FRIDAY"), Set.of("LIBERATION")),
				List.of(new Closure(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-01"), "Move", null)),
				List.of(special("2026-12-25", "10:00", "14:00"), special("2026-12-25", "14:00", "16:00")));

		assertThat(this.validator.validate(schedule)).isEmpty();
	}

	@Test
	void intervalsUntilMidnightAreValid() {
		Schedule schedule = dutch(List.of(interval(DayOfWeek.SATURDAY, "00:00", "00:00"),
				interval(DayOfWeek.FRIDAY, "18:00", "00:00")));

		assertThat(this.validator.validate(schedule)).isEmpty();
	}

	@Test
	void endBeforeStartIsReportedOnTheIntervalsEnd() {
		Schedule schedule = dutch(List.of(interval(DayOfWeek.MONDAY, "09:00", "17:00"),
				interval(DayOfWeek.TUESDAY, "17:00", "09:00")));

		assertThat(this.validator.validate(schedule)).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("weekly[1].end");
			assertThat(values(problem)).contains("09:00", "17:00");
		});
	}

	@Test
	void emptyIntervalIsReported() {
		Schedule schedule = dutch(List.of(interval(DayOfWeek.MONDAY, "09:00", "09:00")));

		assertThat(this.validator.validate(schedule)).extracting(ScheduleProblem::field).containsExactly("weekly[0].end");
	}

	@Test
	void overlappingIntervalsOnTheSameDayAreReportedOnTheLaterOne() {
		Schedule schedule = dutch(List.of(interval(DayOfWeek.MONDAY, "09:00", "12:00"),
				interval(DayOfWeek.TUESDAY, "11:00", "13:00"), interval(DayOfWeek.MONDAY, "11:30", "13:00")));

		assertThat(this.validator.validate(schedule)).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("weekly[2]");
			assertThat(values(problem)).contains("MONDAY", "11:30", "weekly[0]", "09:00", "12:00");
		});
	}

	@Test
	void intervalOverlappingAnAllDayIntervalIsReported() {
		Schedule schedule = dutch(List.of(interval(DayOfWeek.SUNDAY, "00:00", "00:00"),
				interval(DayOfWeek.SUNDAY, "22:00", "00:00")));

		assertThat(this.validator.validate(schedule)).extracting(ScheduleProblem::field).containsExactly("weekly[1]");
	}

	@Test
	void unknownTimeZoneIsReportedOnTimeZone() {
		assertThat(ScheduleValidator.checkZone("Europe/Amsterdam")).isEmpty();
		assertThat(ScheduleValidator.checkZone("Mars/Olympus_Mons")).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("timeZone");
			assertThat(values(problem)).contains("Mars/Olympus_Mons");
		});
		assertThat(ScheduleValidator.checkZone(null)).extracting(ScheduleProblem::field).containsExactly("timeZone");
	}

	@Test
	void parseZoneAcceptsRegionIdsAndRejectsNonsense() {
		assertThat(ScheduleValidator.parseZone(" Europe/Brussels ")).contains(ZoneId.of("Europe/Brussels"));
		assertThat(ScheduleValidator.parseZone("Amsterdam")).isEmpty();
		assertThat(ScheduleValidator.parseZone("")).isEmpty();
		assertThat(ScheduleValidator.parseZone(null)).isEmpty();
	}

	@Test
	void unsupportedCountryIsReportedOnCountry() {
		Schedule schedule = new Schedule(AMSTERDAM, "xx", weekdays("09:00", "17:00"),
				new HolidayPolicy(Set.of(), Set.of("ANYTHING"), Set.of()), List.of(), List.of());

		assertThat(this.validator.validate(schedule)).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("country");
			assertThat(values(problem)).contains("xx");
		});
	}

	@Test
	void closureEndingBeforeItStartsIsReportedOnItsLastDay() {
		Schedule schedule = new Schedule(AMSTERDAM, "nl", weekdays("09:00", "17:00"), HolidayPolicy.DEFAULT,
				List.of(new Closure(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-01"), "ok", null),
						new Closure(LocalDate.parse("2026-08-10"), LocalDate.parse("2026-08-03"), "typo", null)),
				List.of());

		assertThat(this.validator.validate(schedule)).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("closures[1].lastDay");
			assertThat(values(problem)).contains("2026-08-03", "2026-08-10");
		});
	}

	@Test
	void overlappingSpecialOpeningsOnTheSameDateAreReported() {
		Schedule schedule = new Schedule(AMSTERDAM, "nl", weekdays("09:00", "17:00"), HolidayPolicy.DEFAULT, List.of(),
				List.of(special("2026-12-25", "10:00", "14:00"), special("2026-12-26", "10:00", "14:00"),
						special("2026-12-25", "13:00", "15:00")));

		assertThat(this.validator.validate(schedule)).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("specialOpenings[2]");
			assertThat(values(problem)).contains("2026-12-25", "13:00", "specialOpenings[0]");
		});
	}

	@Test
	void specialOpeningEndingBeforeItStartsIsReported() {
		Schedule schedule = new Schedule(AMSTERDAM, "nl", List.of(), HolidayPolicy.DEFAULT, List.of(),
				List.of(new SpecialOpening(LocalDate.parse("2026-12-25"), LocalTime.of(14, 0), LocalTime.of(10, 0),
						"Christmas")));

		assertThat(this.validator.validate(schedule)).extracting(ScheduleProblem::field)
			.containsExactly("specialOpenings[0].end");
	}

	@Test
	void holidayKeysUnknownToTheCountryAreReported() {
		Schedule schedule = new Schedule(ZoneId.of("Europe/Brussels"), "be", weekdays("09:00", "17:00"),
				new HolidayPolicy(Set.of(HolidayKind.PUBLIC), Set.of("KINGS_DAY", "KINGS_FEAST"), Set.of("GOODFRIDAY")),
				List.of(), List.of());

		List<ScheduleProblem> problems = this.validator.validate(schedule);

		assertThat(problems).extracting(ScheduleProblem::field)
			.containsExactly("holidays.alsoClosed", "holidays.stayOpen");
		assertThat(values(problems.get(0))).contains("KINGS_DAY", "be", "KINGS_FEAST");
		assertThat(values(problems.get(1))).contains("GOODFRIDAY");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		Schedule schedule = new Schedule(AMSTERDAM, "nl",
				List.of(interval(DayOfWeek.MONDAY, "17:00", "09:00"), interval(DayOfWeek.MONDAY, "10:00", "12:00"),
						interval(DayOfWeek.MONDAY, "11:00", "13:00")),
				new HolidayPolicy(Set.of(), Set.of("NO_SUCH_DAY"), Set.of()),
				List.of(new Closure(LocalDate.parse("2026-08-10"), LocalDate.parse("2026-08-03"), "typo", null)),
				List.of());

		assertThat(this.validator.validate(schedule)).extracting(ScheduleProblem::field)
			.containsExactly("weekly[0].end", "weekly[2]", "closures[0].lastDay", "holidays.alsoClosed");
	}

	/** The values a problem's text shows, all in one string. */
	private static String values(ScheduleProblem problem) {
		return String.join(" ", problem.args());
	}

}
