package org.helpline.callflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every prompt the call flow can ask for exists, with text, in both languages. */
class PromptCatalogueTest {

	final PromptCatalogue catalogue = new PromptCatalogue();

	@Test
	void everyFixedPromptExistsInBothLanguages() {
		for (String key : new String[] { "closed-evening", "closed-weekend", "closed-holiday", "closed-closure",
				"opens-again", "at", "no-next-opening", "alternatives", "unknown-number", "fallback",
				"fallback-final", "day-today", "day-tomorrow" }) {
			assertThat(catalogue.hasEverywhere(key)).as(key).isTrue();
		}
	}

	@Test
	void everyMomentOfTheYearCanBeSpoken() {
		LocalDate today = LocalDate.parse("2027-01-01");
		ZoneId zone = ZoneId.of("Europe/Amsterdam");
		for (int day = 0; day < 366; day += 1) {
			for (int minute = 0; minute < 24 * 60; minute += 7) {
				ZonedDateTime moment = today.plusDays(day).atStartOfDay(zone).plusMinutes(minute);
				for (String language : PromptCatalogue.LANGUAGES) {
					SpokenTime.of(moment, today, language)
						.forEach(p -> assertThat(catalogue.text(p)).as(p.toString()).isPresent());
				}
			}
		}
		for (DayOfWeek day : DayOfWeek.values()) {
			assertThat(catalogue.hasEverywhere("day-" + day.name().toLowerCase(Locale.ROOT))).isTrue();
		}
	}

}
