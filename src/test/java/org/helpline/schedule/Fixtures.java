package org.helpline.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Shared test data; one {@link PublicHolidays} for all tests because Jollyday is slow to
 * start.
 */
final class Fixtures {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	static final PublicHolidays HOLIDAYS = new PublicHolidays();

	static final OpeningHours HOURS = new OpeningHours(HOLIDAYS);

	static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	private Fixtures() {
	}

	/** Local wall-clock time in Amsterdam; for ambiguous times the earlier offset. */
	static Instant at(String localDateTime) {
		return zoned(localDateTime).toInstant();
	}

	static ZonedDateTime zoned(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM);
	}

	/** An instant given with its offset, for the repeated hour and the skipped hour. */
	static Instant offsetInstant(String offsetDateTime) {
		return OffsetDateTime.parse(offsetDateTime).toInstant();
	}

	static List<OpeningInterval> on(Iterable<DayOfWeek> days, String... startEndPairs) {
		List<OpeningInterval> intervals = new ArrayList<>();
		for (DayOfWeek day : days) {
			for (int i = 0; i < startEndPairs.length; i += 2) {
				intervals.add(new OpeningInterval(day, LocalTime.parse(startEndPairs[i]),
						LocalTime.parse(startEndPairs[i + 1])));
			}
		}
		return intervals;
	}

	static List<OpeningInterval> weekdays(String... startEndPairs) {
		return on(WEEKDAYS, startEndPairs);
	}

	static Schedule dutch(List<OpeningInterval> weekly) {
		return new Schedule(AMSTERDAM, "nl", weekly, HolidayPolicy.DEFAULT, List.of(), List.of());
	}

	static Schedule dutchOfficeHours() {
		return dutch(weekdays("09:00", "17:00"));
	}

	static LineStatus.Open open(LineStatus status) {
		if (status instanceof LineStatus.Open open) {
			return open;
		}
		throw new AssertionError("Expected open but was " + status);
	}

	static LineStatus.Closed closed(LineStatus status) {
		if (status instanceof LineStatus.Closed closed) {
			return closed;
		}
		throw new AssertionError("Expected closed but was " + status);
	}

}
