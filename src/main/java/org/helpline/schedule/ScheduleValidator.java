package org.helpline.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a schedule an operator entered. Field names follow the web form, so the web layer
 * can show each problem next to its input. The time zone arrives as a string and cannot be
 * part of a {@link Schedule} until it parses, hence {@link #parseZone} and
 * {@link #checkZone}.
 */
public final class ScheduleValidator {

	private final PublicHolidays publicHolidays;

	public ScheduleValidator(PublicHolidays publicHolidays) {
		this.publicHolidays = Objects.requireNonNull(publicHolidays, "publicHolidays");
	}

	public static Optional<ZoneId> parseZone(String zoneId) {
		if (zoneId == null || zoneId.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(zoneId.strip()));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Problems with a time zone id, reported on field {@code timeZone}.
	 */
	public static List<ScheduleProblem> checkZone(String zoneId) {
		if (parseZone(zoneId).isPresent()) {
			return List.of();
		}
		return List.of(ScheduleProblem.of("schedule.unknown-time-zone", "timeZone",
				"Unknown time zone '" + zoneId + "'", zoneId));
	}

	public List<ScheduleProblem> validate(Schedule schedule) {
		List<ScheduleProblem> problems = new ArrayList<>();
		checkWeekly(schedule.weekly(), problems);
		checkSpecialOpenings(schedule.specialOpenings(), problems);
		checkClosures(schedule.closures(), problems);
		checkCountryAndHolidays(schedule, problems);
		return List.copyOf(problems);
	}

	private static void checkWeekly(List<OpeningInterval> weekly, List<ScheduleProblem> problems) {
		checkSpans("weekly", weekly.stream().map((w) -> new DaySpan(w.day().toString(), w.span())).toList(),
				problems);
	}

	private static void checkSpecialOpenings(List<SpecialOpening> openings, List<ScheduleProblem> problems) {
		checkSpans("specialOpenings",
				openings.stream().map((o) -> new DaySpan(o.date().toString(), o.span())).toList(), problems);
	}

	private static void checkClosures(List<Closure> closures, List<ScheduleProblem> problems) {
		for (int i = 0; i < closures.size(); i++) {
			Closure closure = closures.get(i);
			if (closure.lastDay().isBefore(closure.firstDay())) {
				problems.add(ScheduleProblem.of("schedule.last-day-before-first-day", "closures[" + i + "].lastDay",
						"Last day " + closure.lastDay() + " is before first day " + closure.firstDay(),
						closure.lastDay(), closure.firstDay()));
			}
		}
	}

	private static void checkSpans(String list, List<DaySpan> spans, List<ScheduleProblem> problems) {
		for (int i = 0; i < spans.size(); i++) {
			LocalSpan span = spans.get(i).span();
			if (span.isEmptyOrReversed()) {
				problems.add(ScheduleProblem.of("schedule.end-before-start", list + "[" + i + "].end",
						"End " + span.end() + " must be after start " + span.start()
								+ " (use 00:00 as end for \"until midnight\")",
						span.end(), span.start()));
			}
		}
		for (int j = 0; j < spans.size(); j++) {
			for (int i = 0; i < j; i++) {
				if (spans.get(i).overlaps(spans.get(j))) {
					problems.add(ScheduleProblem.of("schedule.overlap", list + "[" + j + "]",
							spans.get(j) + " overlaps " + list + "[" + i + "] " + spans.get(i), spans.get(j),
							list + "[" + i + "]", spans.get(i)));
				}
			}
		}
	}

	private void checkCountryAndHolidays(Schedule schedule, List<ScheduleProblem> problems) {
		String country = schedule.country();
		if (!this.publicHolidays.isSupportedCountry(country)) {
			problems.add(ScheduleProblem.of("schedule.unknown-country", "country",
					"No holiday calendar for country '" + country + "'", country));
			return;
		}
		Set<String> known = this.publicHolidays.knownKeys(country);
		checkKeys("holidays.alsoClosed", schedule.holidays().alsoClosed(), known, country, problems);
		checkKeys("holidays.stayOpen", schedule.holidays().stayOpen(), known, country, problems);
	}

	private static void checkKeys(String field, Set<String> keys, Set<String> known, String country,
			List<ScheduleProblem> problems) {
		for (String key : new TreeSet<>(keys)) {
			if (!known.contains(key)) {
				problems.add(ScheduleProblem.of("schedule.unknown-holiday", field, "Unknown holiday '" + key
						+ "' for country '" + country + "'; known: " + String.join(", ", known), key, country,
						String.join(", ", known)));
			}
		}
	}

	private record DaySpan(String day, LocalSpan span) {

		// Reversed spans are reported on their own; calling them overlaps too would confuse.
		boolean overlaps(DaySpan other) {
			return this.day.equals(other.day) && !this.span.isEmptyOrReversed() && !other.span.isEmptyOrReversed()
					&& this.span.overlaps(other.span);
		}

		@Override
		public String toString() {
			return this.day + " " + this.span.start() + "–" + this.span.end();
		}

	}

}
