package org.helpline.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.helpline.schedule.LineStatus.Closed;
import org.helpline.schedule.LineStatus.Open;
import org.jspecify.annotations.Nullable;

/**
 * Answers "is the line open at this instant, and if not, when does it open?". The instant
 * always comes from the caller, so answers are reproducible and testable.
 */
public final class OpeningHours {

	/** How far ahead to look for the next opening or the end of an open period. */
	static final int HORIZON_DAYS = 400;

	private final PublicHolidays publicHolidays;

	public OpeningHours(PublicHolidays publicHolidays) {
		this.publicHolidays = Objects.requireNonNull(publicHolidays, "publicHolidays");
	}

	/**
	 * Whether the line is open at {@code t}: all an incoming call needs when it is. Unlike
	 * {@link #statusAt}, does not look ahead for the end of the open period (for a line open
	 * day and night, that look goes the whole horizon).
	 */
	public boolean isOpen(Schedule schedule, Instant t) {
		LocalDate date = localDate(schedule, t);
		return ranges(schedule, date, plan(schedule, date)).stream().anyMatch(range -> range.contains(t));
	}

	public LineStatus statusAt(Schedule schedule, Instant t) {
		LocalDate date = localDate(schedule, t);
		DayPlan plan = plan(schedule, date);
		for (InstantRange range : ranges(schedule, date, plan)) {
			if (range.contains(t)) {
				return new Open(closesAt(schedule, date, range.end()));
			}
		}
		return new Closed(plan.closedReason(), nextOpeningAfter(schedule, t),
				plan.holiday().map(PublicHoliday::key), plan.closure());
	}

	/**
	 * The first instant at or after {@code t} at which the line is open, looking about
	 * {@value #HORIZON_DAYS} days ahead.
	 */
	public Optional<ZonedDateTime> nextOpeningAfter(Schedule schedule, Instant t) {
		LocalDate date = localDate(schedule, t);
		// Start a day early: a repeated hour around midnight can put a later instant on the
		// previous local date.
		LocalDate last = date.plusDays(HORIZON_DAYS);
		Instant best = null;
		for (LocalDate day = date.minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
			if (best != null && !WallClock.earliestInstantOf(day).isBefore(best)) {
				break;
			}
			best = earlier(best, firstOpenInstant(schedule, day, t));
		}
		return Optional.ofNullable(best).map((instant) -> instant.atZone(schedule.zone()));
	}

	private @Nullable Instant firstOpenInstant(Schedule schedule, LocalDate day, Instant t) {
		for (InstantRange range : ranges(schedule, day, plan(schedule, day))) {
			if (range.end().isAfter(t)) {
				return range.start().isAfter(t) ? range.start() : t;
			}
		}
		return null;
	}

	// Open periods continue across midnight when one day's last span ends at 24:00 and the
	// next day's first one starts at 00:00.
	private ZonedDateTime closesAt(Schedule schedule, LocalDate date, Instant end) {
		LocalDate last = date.plusDays(HORIZON_DAYS);
		for (LocalDate day = date.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
			if (WallClock.earliestInstantOf(day).isAfter(end)) {
				break;
			}
			for (InstantRange range : ranges(schedule, day, plan(schedule, day))) {
				if (!range.start().isAfter(end) && range.end().isAfter(end)) {
					end = range.end();
				}
			}
		}
		return end.atZone(schedule.zone());
	}

	private DayPlan plan(Schedule schedule, LocalDate date) {
		return DayPlan.of(schedule, date, this.publicHolidays.on(schedule.country(), date));
	}

	private static List<InstantRange> ranges(Schedule schedule, LocalDate date, DayPlan plan) {
		return WallClock.ranges(schedule.zone(), date, plan.spans());
	}

	private static LocalDate localDate(Schedule schedule, Instant t) {
		return t.atZone(schedule.zone()).toLocalDate();
	}

	private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return a.isBefore(b) ? a : b;
	}

}
