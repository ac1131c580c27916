package org.helpline.callflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.helpline.prompts.Prompt;
import org.helpline.prompts.PromptCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpokenTimeTest {

	static final PromptCatalogue CATALOGUE = new PromptCatalogue(Map::of);

	static final LocalDate TUESDAY = LocalDate.parse("2027-01-05");

	@Test
	void tomorrowOnTheHourSaysOclockInEnglishOnly() {
		ZonedDateTime nine = ZonedDateTime.parse("2027-01-06T09:00+01:00[Europe/Amsterdam]");

		assertThat(keys(SpokenTime.of(nine, TUESDAY, "en"))).containsExactly("day-tomorrow", "at", "hour-9", "oclock");
		assertThat(keys(SpokenTime.of(nine, TUESDAY, "nl"))).containsExactly("day-tomorrow", "at", "hour-9");
	}

	@Test
	void laterThisWeekSaysTheWeekdayAndMinutes() {
		ZonedDateTime friday = ZonedDateTime.parse("2027-01-08T13:30+01:00[Europe/Amsterdam]");

		assertThat(keys(SpokenTime.of(friday, TUESDAY, "nl"))).containsExactly("day-friday", "at", "hour-13",
				"minutes-30");
	}

	@Test
	void moreThanAWeekAwaySaysTheDate() {
		ZonedDateTime later = ZonedDateTime.parse("2027-01-25T09:00+01:00[Europe/Amsterdam]");

		assertThat(keys(SpokenTime.of(later, TUESDAY, "nl"))).containsExactly("day-monday", "date-25", "month-1", "at",
				"hour-9");
	}

	@Test
	void midnightIsSaidAsMidnight() {
		ZonedDateTime midnight = ZonedDateTime.parse("2027-01-06T00:00+01:00[Europe/Amsterdam]");

		assertThat(keys(SpokenTime.of(midnight, TUESDAY, "en"))).containsExactly("day-tomorrow", "at", "hour-0");
	}

	private static List<String> keys(List<Prompt> prompts) {
		return prompts.stream().map(Prompt::key).toList();
	}

	@Test
	void everyMomentOfTheYearCanBeSpokenWithTheCataloguesPrompts() {
		LocalDate today = LocalDate.parse("2027-01-01");
		ZoneId zone = ZoneId.of("Europe/Amsterdam");
		for (int day = 0; day < 366; day += 1) {
			for (int minute = 0; minute < 24 * 60; minute += 7) {
				ZonedDateTime moment = today.plusDays(day).atStartOfDay(zone).plusMinutes(minute);
				for (String language : PromptCatalogue.LANGUAGES) {
					SpokenTime.of(moment, today, language)
						.forEach(p -> assertThat(CATALOGUE.text(p)).as(p.toString()).isPresent());
				}
			}
		}
		for (DayOfWeek day : DayOfWeek.values()) {
			assertThat(CATALOGUE.hasEverywhere("day-" + day.name().toLowerCase(Locale.ROOT))).isTrue();
		}
	}

}
