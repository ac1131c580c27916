package org.helpline.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.helpline.schedule.ScheduleProblem.Code;

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
		return List.of(ScheduleProblem.of(Code.UNKNOWN_TIME_ZONE, "timeZone", zoneId));
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
				problems.add(ScheduleProblem.of(Code.LAST_DAY_BEFORE_FIRST_DAY, "closures[" + i + "].lastDay",
						closure.lastDay(), closure.firstDay()));
			}
		}
	}

	private static void checkSpans(String list, List<DaySpan> spans, List<ScheduleProblem> problems) {
		for (int i = 0; i < spans.size(); i++) {
			LocalSpan span = spans.get(i).span();
			if (span.isEmptyOrReversed()) {
				problems.add(ScheduleProblem.of(Code.END_BEFORE_START, list + "[" + i + "].end", span.end(),
						span.start()));
			}
		}
		for (int j = 0; j < spans.size(); j++) {
			for (int i = 0; i < j; i++) {
				if (spans.get(i).overlaps(spans.get(j))) {
					problems.add(ScheduleProblem.of(Code.OVERLAP, list + "[" + j + "]", spans.get(j),
							list + "[" + i + "]", spans.get(i)));
				}
			}
		}
	}

	private void checkCountryAndHolidays(Schedule schedule, List<ScheduleProblem> problems) {
		String country = schedule.country();
		if (!this.publicHolidays.isSupportedCountry(country)) {
			problems.add(ScheduleProblem.of(Code.UNKNOWN_COUNTRY, "country", country));
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
				problems.add(ScheduleProblem.of(Code.UNKNOWN_HOLIDAY, field, key, country, String.join(", ", known)));
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
