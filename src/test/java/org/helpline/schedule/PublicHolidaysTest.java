package org.helpline.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.helpline.schedule.Fixtures.HOLIDAYS;
import static org.helpline.schedule.Fixtures.HOURS;
import static org.helpline.schedule.Fixtures.at;
import static org.helpline.schedule.Fixtures.closed;
import static org.helpline.schedule.Fixtures.dutch;
import static org.helpline.schedule.Fixtures.on;

// Facts about the Dutch and Belgian calendars that the call flow relies on, checked
// against the real Jollyday data rather than assumed.
class PublicHolidaysTest {

	@Test
	void kingsDayMovesToSaturdayOnlyWhenAprilTwentySeventhIsASunday() {
		List<Integer> moved = IntStream.rangeClosed(2014, 2035)
			.filter((year) -> !kingsDay(year).equals(LocalDate.of(year, 4, 27)))
			.boxed()
			.toList();
		List<Integer> sundays = IntStream.rangeClosed(2014, 2035)
			.filter((year) -> LocalDate.of(year, 4, 27).getDayOfWeek() == DayOfWeek.SUNDAY)
			.boxed()
			.toList();

		assertThat(moved).containsExactly(2014, 2025, 2031).isEqualTo(sundays);
		assertThat(moved).allSatisfy((year) -> assertThat(kingsDay(year)).isEqualTo(LocalDate.of(year, 4, 26)));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2025, 2031 })
	void closedOnKingsDayMovedToSaturdayWhenAprilTwentySeventhIsSunday(int year) {
		Schedule everyDay = dutch(on(List.of(DayOfWeek.values()), "09:00", "17:00"));

		LineStatus.Closed saturday = closed(HOURS.statusAt(everyDay, at(year + "-04-26T10:00")));

		assertThat(saturday.reason()).isEqualTo(ClosedReason.PUBLIC_HOLIDAY);
		assertThat(saturday.holidayKey()).contains("KINGS_DAY");
		assertThat(HOURS.statusAt(everyDay, at(year + "-04-27T10:00")).isOpen()).isTrue();
	}

	@Test
	void kingsDayIsListedOnTheDateItIsObservedNotItsNominalDate() {
		assertThat(HOLIDAYS.on("nl", LocalDate.of(2031, 4, 26))).extracting(PublicHoliday::key)
			.containsExactly("KINGS_DAY");
		assertThat(HOLIDAYS.on("nl", LocalDate.of(2031, 4, 27))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2031-04-13" })
	void dutchEasterHolidaysFollowEasterSunday(LocalDate easter) {
		Map<String, PublicHoliday> byKey = byKey("nl", easter.getYear());

		assertThat(byKey.get("christian.GOOD_FRIDAY").date()).isEqualTo(easter.minusDays(2));
		assertThat(byKey.get("christian.EASTER").date()).isEqualTo(easter);
		assertThat(byKey.get("christian.EASTER_MONDAY").date()).isEqualTo(easter.plusDays(1));
		assertThat(byKey.get("christian.ASCENSION_DAY").date()).isEqualTo(easter.plusDays(39));
		assertThat(byKey.get("christian.PENTECOST").date()).isEqualTo(easter.plusDays(49));
		assertThat(byKey.get("christian.PENTECOST_MONDAY").date()).isEqualTo(easter.plusDays(50));
		assertThat(byKey.get("christian.ASCENSION_DAY").date().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
	}

	@ParameterizedTest
	@ValueSource(ints = { 2026, 2027, 2028, 2029, 2030, 2031 })
	void dutchCalendarKeysAndKinds(int year) {
		Map<String, HolidayKind> kinds = HOLIDAYS.in("nl", year)
			.stream()
			.collect(Collectors.toMap(PublicHoliday::key, PublicHoliday::type));

		assertThat(kinds).containsOnly(Map.entry("NEW_YEAR", HolidayKind.PUBLIC),
				Map.entry("christian.GOOD_FRIDAY", HolidayKind.OBSERVANCE),
				Map.entry("christian.EASTER", HolidayKind.PUBLIC),
				Map.entry("christian.EASTER_MONDAY", HolidayKind.PUBLIC), Map.entry("KINGS_DAY", HolidayKind.PUBLIC),
				Map.entry("LIBERATION", HolidayKind.PUBLIC), Map.entry("christian.ASCENSION_DAY", HolidayKind.PUBLIC),
				Map.entry("christian.PENTECOST", HolidayKind.PUBLIC),
				Map.entry("christian.PENTECOST_MONDAY", HolidayKind.PUBLIC),
				Map.entry("FIRST_CHRISTMAS_DAY", HolidayKind.PUBLIC),
				Map.entry("SECOND_CHRISTMAS_DAY", HolidayKind.PUBLIC));
		assertThat(byKey("nl", year).get("LIBERATION").date()).isEqualTo(LocalDate.of(year, 5, 5));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2026, 2027, 2028, 2029, 2030, 2031 })
	void belgianCalendarKeysAndKinds(int year) {
		Map<String, HolidayKind> kinds = HOLIDAYS.in("be", year)
			.stream()
			.collect(Collectors.toMap(PublicHoliday::key, PublicHoliday::type));

		assertThat(kinds).containsOnly(Map.entry("NEW_YEAR", HolidayKind.PUBLIC),
				Map.entry("christian.EASTER", HolidayKind.PUBLIC),
				Map.entry("christian.EASTER_MONDAY", HolidayKind.PUBLIC), Map.entry("LABOUR_DAY", HolidayKind.PUBLIC),
				Map.entry("christian.ASCENSION_DAY", HolidayKind.PUBLIC),
				Map.entry("christian.PENTECOST", HolidayKind.PUBLIC),
				Map.entry("christian.PENTECOST_MONDAY", HolidayKind.PUBLIC),
				Map.entry("NATIONAL_DAY", HolidayKind.PUBLIC), Map.entry("ASSUMPTION_DAY", HolidayKind.PUBLIC),
				Map.entry("ALL_SAINTS", HolidayKind.PUBLIC), Map.entry("ALL_SOULS", HolidayKind.OBSERVANCE),
				Map.entry("ARMISTICE", HolidayKind.PUBLIC), Map.entry("KINGS_FEAST", HolidayKind.OBSERVANCE),
				Map.entry("CHRISTMAS", HolidayKind.PUBLIC), Map.entry("NEW_YEARS_EVE", HolidayKind.OBSERVANCE));
	}

	@ParameterizedTest
	@CsvSource({ "NATIONAL_DAY, --07-21", "ASSUMPTION_DAY, --08-15", "ARMISTICE, --11-11", "ALL_SAINTS, --11-01",
			"LABOUR_DAY, --05-01" })
	void belgianFixedHolidaysFallOnTheirDateEveryYear(String key, MonthDay monthDay) {
		for (int year = 2026; year <= 2031; year++) {
			PublicHoliday holiday = byKey("be", year).get(key);
			assertThat(holiday.date()).isEqualTo(monthDay.atYear(year));
			assertThat(holiday.type()).isEqualTo(HolidayKind.PUBLIC);
		}
	}

	@Test
	void holidaysCarryDutchAndEnglishNames() {
		assertThat(byKey("nl", 2026).get("KINGS_DAY")).extracting(PublicHoliday::dutchName, PublicHoliday::englishName)
			.containsExactly("Koningsdag", "Kings' Birthday");
		assertThat(byKey("nl", 2026).get("LIBERATION"))
			.extracting(PublicHoliday::dutchName, PublicHoliday::englishName)
			.containsExactly("Bevrijdingsdag", "Liberation Day");
		assertThat(byKey("be", 2026).get("NATIONAL_DAY")).extracting(PublicHoliday::dutchName)
			.isEqualTo("Nationale dag");
	}

	@Test
	void holidaysOfAYearAreSortedByDateAndCached() {
		List<PublicHoliday> holidays = HOLIDAYS.in("be", 2027);

		assertThat(holidays).extracting(PublicHoliday::date).isSorted();
		assertThat(HOLIDAYS.in("BE", 2027)).isSameAs(holidays);
	}

	// Jollyday groups by nominal year; the line must close on the day actually taken off.
	@Test
	void holidayObservedInThePreviousYearIsListedInThatYear() {
		assertThat(HOLIDAYS.on("us", LocalDate.of(2021, 12, 31))).extracting(PublicHoliday::key)
			.containsExactly("NEW_YEAR");
		assertThat(HOLIDAYS.in("us", 2022)).extracting(PublicHoliday::key).doesNotContain("NEW_YEAR");
	}

	@Test
	void supportedCountriesAreCaseInsensitiveCalendarCodes() {
		assertThat(HOLIDAYS.isSupportedCountry("nl")).isTrue();
		assertThat(HOLIDAYS.isSupportedCountry("BE")).isTrue();
		assertThat(HOLIDAYS.isSupportedCountry("xx")).isFalse();
		assertThat(HOLIDAYS.isSupportedCountry("")).isFalse();
		assertThat(HOLIDAYS.isSupportedCountry(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> HOLIDAYS.in("xx", 2026)).withMessageContaining("'xx'");
	}

	@Test
	void knownKeysCoverEveryKeyAnOperatorMayName() {
		assertThat(HOLIDAYS.knownKeys("nl")).contains("KINGS_DAY", "LIBERATION", "christian.GOOD_FRIDAY",
				"QUEENS_BIRTHDAY");
		assertThat(HOLIDAYS.knownKeys("be")).contains("NATIONAL_DAY", "KINGS_FEAST").doesNotContain("KINGS_DAY");
	}

	private static LocalDate kingsDay(int year) {
		return Optional.ofNullable(byKey("nl", year).get("KINGS_DAY")).orElseThrow().date();
	}

	private static Map<String, PublicHoliday> byKey(String country, int year) {
		return HOLIDAYS.in(country, year).stream().collect(Collectors.toMap(PublicHoliday::key, (h) -> h));
	}

}
