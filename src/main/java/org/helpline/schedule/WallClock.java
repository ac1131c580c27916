package org.helpline.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns wall-clock spans of one date into periods on the time line. An instant is inside
 * when its local date is that date and its local time lies in a span. So a span across the
 * skipped hour is shorter, one starting in the gap opens when the clocks jump, and both
 * passes through a repeated hour get the same answer.
 */
final class WallClock {

	private WallClock() {
	}

	static List<InstantRange> ranges(ZoneId zone, LocalDate date, List<LocalSpan> spans) {
		if (spans.isEmpty()) {
			return List.of();
		}
		List<InstantRange> ranges = new ArrayList<>();
		for (Segment segment : segments(zone.getRules(), date)) {
			for (LocalSpan span : spans) {
				segment.clip(date, span).ifPresent(ranges::add);
			}
		}
		return merge(ranges);
	}

	/**
	 * Earliest instant that can have this local date, whatever the zone's offset.
	 */
	static Instant earliestInstantOf(LocalDate date) {
		return date.atStartOfDay().toInstant(ZoneOffset.MAX);
	}

	private static Instant latestInstantOf(LocalDate date) {
		return date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.MIN);
	}

	// Stretches of constant offset covering every instant whose local date can be this date;
	// within one stretch local time is just the instant shifted, so clipping is exact.
	private static List<Segment> segments(ZoneRules rules, LocalDate date) {
		Instant from = earliestInstantOf(date);
		Instant until = latestInstantOf(date);
		List<Segment> segments = new ArrayList<>();
		while (from.isBefore(until)) {
			ZoneOffsetTransition next = rules.nextTransition(from);
			Instant to = (next == null || !next.getInstant().isBefore(until)) ? until : next.getInstant();
			segments.add(new Segment(from, to, rules.getOffset(from)));
			from = to;
		}
		return segments;
	}

	private static List<InstantRange> merge(List<InstantRange> ranges) {
		ranges.sort(Comparator.comparing(InstantRange::start));
		List<InstantRange> merged = new ArrayList<>();
		for (InstantRange range : ranges) {
			InstantRange last = merged.isEmpty() ? null : merged.getLast();
			if (last != null && !range.start().isAfter(last.end())) {
				Instant end = range.end().isAfter(last.end()) ? range.end() : last.end();
				merged.set(merged.size() - 1, new InstantRange(last.start(), end));
			}
			else {
				merged.add(range);
			}
		}
		return List.copyOf(merged);
	}

	private record Segment(Instant from, Instant to, ZoneOffset offset) {

		Optional<InstantRange> clip(LocalDate date, LocalSpan span) {
			LocalDateTime start = later(span.startOn(date), LocalDateTime.ofInstant(this.from, this.offset));
			LocalDateTime end = earlier(span.endOn(date), LocalDateTime.ofInstant(this.to, this.offset));
			if (!start.isBefore(end)) {
				return Optional.empty();
			}
			return Optional.of(new InstantRange(start.toInstant(this.offset), end.toInstant(this.offset)));
		}

		private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
			return a.isAfter(b) ? a : b;
		}

		private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
			return a.isBefore(b) ? a : b;
		}

	}

}
