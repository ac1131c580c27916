package org.helpline.callflow;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpokenTimeTest {

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

}
