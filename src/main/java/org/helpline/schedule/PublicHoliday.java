package org.helpline.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A holiday on the date it is observed, which may differ from its nominal date (King's Day
 * moves to Saturday when 27 April is a Sunday).
 */
public record PublicHoliday(LocalDate date, String key, HolidayKind type, String dutchName, String englishName) {

	public PublicHoliday {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(type, "type");
	}

}
