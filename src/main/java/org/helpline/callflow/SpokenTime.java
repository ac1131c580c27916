package org.helpline.callflow;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.helpline.prompts.Prompt;

/**
 * Says a moment the way a person would on the phone: "today at nine o'clock", "Monday at
 * nine thirty", or with the date when it is more than a week away. Pieces are separate
 * prompts, so they are put together here, per language.
 */
final class SpokenTime {

	private SpokenTime() {
	}

	static List<Prompt> of(ZonedDateTime moment, LocalDate today, String language) {
		List<Prompt> prompts = new ArrayList<>();
		long daysAhead = ChronoUnit.DAYS.between(today, moment.toLocalDate());
		if (daysAhead == 0) {
			prompts.add(new Prompt(language, "day-today"));
		}
		else if (daysAhead == 1) {
			prompts.add(new Prompt(language, "day-tomorrow"));
		}
		else {
			prompts.add(new Prompt(language, "day-" + moment.getDayOfWeek().name().toLowerCase(Locale.ROOT)));
			if (daysAhead > 6) {
				prompts.add(new Prompt(language, "date-" + moment.getDayOfMonth()));
				prompts.add(new Prompt(language, "month-" + moment.getMonthValue()));
			}
		}
		prompts.add(new Prompt(language, "at"));
		prompts.add(new Prompt(language, "hour-" + moment.getHour()));
		if (moment.getMinute() > 0) {
			prompts.add(new Prompt(language, "minutes-" + moment.getMinute()));
		}
		else if (language.equals("en") && moment.getHour() != 0) {
			prompts.add(new Prompt(language, "oclock"));
		}
		return prompts;
	}

}
