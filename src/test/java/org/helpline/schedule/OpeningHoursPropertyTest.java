package org.helpline.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.schedule.Fixtures.HOLIDAYS;
import static org.helpline.schedule.Fixtures.HOURS;

// Random schedules and instants with fixed seeds, so a failure reproduces. Besides the
// evaluator's own consistency, each answer is compared with a deliberately naive oracle that
// reads the local clock of an instant and applies the precedence rules directly.
class OpeningHoursPropertyTest {

	private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant UNTIL = Instant.parse("2032-01-01T00:00:00Z");

	// Amsterdam for the real case; Santiago changes its clocks at midnight and Lord Howe by
	// half an hour, which exercise the general time-line conversion.
	private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Amsterdam"), ZoneId.of("Europe/Amsterdam"),
			ZoneId.of("Europe/Brussels"), ZoneId.of("America/Santiago"), ZoneId.of("Australia/Lord_Howe"));

	@Test
	void nextOpeningIsOpenAndPrecededByAClosedMinute() {
		Random random = new Random(20260101L);
		for (int i = 0; i < 3000; i++) {
			Case c = randomCase(random);
			Optional<ZonedDateTime> next = HOURS.nextOpeningAfter(c.schedule(), c.t());
			next.map(ZonedDateTime::toInstant).ifPresent((u) -> {
				assertThat(u).as(c.describe()).isAfterOrEqualTo(c.t());
				assertThat(HOURS.statusAt(c.schedule(), u).isOpen()).as(c.describe()).isTrue();
				if (!u.equals(c.t())) {
					Instant minuteBefore = u.minus(Duration.ofMinutes(1));
					assertThat(HOURS.statusAt(c.schedule(), minuteBefore).isOpen()).as(c.describe()).isFalse();
				}
			});
		}
	}

	@Test
	void statusAgreesWithTheNaiveOracleAndWithNextOpening() {
		Random random = new Random(42L);
		for (int i = 0; i < 3000; i++) {
			Case c = randomCase(random);
			LineStatus status = HOURS.statusAt(c.schedule(), c.t());
			Optional<ZonedDateTime> next = HOURS.nextOpeningAfter(c.schedule(), c.t());

			assertThat(status.isOpen()).as(c.describe()).isEqualTo(new Oracle(c.schedule()).isOpen(c.t()));
			switch (status) {
				case LineStatus.Open open -> {
					assertThat(next.map(ZonedDateTime::toInstant)).as(c.describe()).contains(c.t());
					checkClosing(c, open.closesAt().toInstant());
				}
				case LineStatus.Closed closed -> {
					assertThat(closed.opensAt()).as(c.describe()).isEqualTo(next);
					assertThat(closed.reason()).as(c.describe()).isEqualTo(new Oracle(c.schedule()).reason(c.t()));
				}
			}
		}
	}

	@Test
	void noOpeningIsSkippedBetweenNowAndTheNextOpening() {
		Random random = new Random(7L);
		for (int i = 0; i < 300; i++) {
			Case c = randomCase(random);
			Oracle oracle = new Oracle(c.schedule());
			Instant limit = c.t().plus(Duration.ofDays(4));
			Instant u = HOURS.nextOpeningAfter(c.schedule(), c.t()).map(ZonedDateTime::toInstant).orElse(limit);
			Instant end = u.isBefore(limit) ? u : limit;
			// All boundaries in these zones fall on whole minutes, so minutes are enough.
			Instant minute = c.t().plusSeconds(60 - c.t().getEpochSecond() % 60);
			assertThat(oracle.isOpen(c.t()) && !u.equals(c.t())).as(c.describe()).isFalse();
			for (Instant m = minute; m.isBefore(end); m = m.plusSeconds(60)) {
				assertThat(oracle.isOpen(m)).as("%s open at %s", c.describe(), m).isFalse();
			}
		}
	}

	private static void checkClosing(Case c, Instant closesAt) {
		assertThat(closesAt).as(c.describe()).isAfter(c.t());
		assertThat(HOURS.statusAt(c.schedule(), closesAt.minusSeconds(1)).isOpen()).as(c.describe()).isTrue();
		if (closesAt.isBefore(c.t().plus(Duration.ofDays(OpeningHours.HORIZON_DAYS - 2)))) {
			assertThat(HOURS.statusAt(c.schedule(), closesAt).isOpen()).as(c.describe()).isFalse();
		}
	}

	private static Case randomCase(Random random) {
		Schedule schedule = randomSchedule(random);
		return new Case(schedule, randomInstant(random, schedule));
	}

	private static Schedule randomSchedule(Random random) {
		ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
		String country = random.nextBoolean() ? "nl" : "be";
		List<OpeningInterval> weekly = new ArrayList<>();
		if (random.nextInt(20) > 0) {
			for (DayOfWeek day : DayOfWeek.values()) {
				if (random.nextInt(4) > 0) {
					for (LocalTime[] span : randomSpans(random)) {
						weekly.add(new OpeningInterval(day, span[0], span[1]));
					}
				}
			}
		}
		List<Closure> closures = randomClosures(random);
		return new Schedule(zone, country, weekly, randomPolicy(random, country), closures,
				randomSpecialOpenings(random, country, closures));
	}

	// Sorted cut points paired up; sometimes one interval starts where the last one ended,
	// and some run from or until midnight, to exercise merging.
	private static List<LocalTime[]> randomSpans(Random random) {
		int count = 1 + random.nextInt(3);
		TreeSet<Integer> cuts = new TreeSet<>();
		while (cuts.size() < count * 2) {
			cuts.add(randomMinuteOfDay(random));
		}
		List<Integer> points = new ArrayList<>(cuts);
		List<LocalTime[]> spans = new ArrayList<>();
		for (int i = 0; i < points.size(); i += 2) {
			int start = (i > 0 && random.nextInt(5) == 0) ? points.get(i - 1) : points.get(i);
			spans.add(new LocalTime[] { time(start), time(points.get(i + 1)) });
		}
		return spans;
	}

	private static int randomMinuteOfDay(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> 0;
			case 1 -> 1440;
			case 2 -> 60 + random.nextInt(4) * 30;
			default -> random.nextInt(1441);
		};
	}

	private static LocalTime time(int minuteOfDay) {
		return (minuteOfDay == 1440) ? LocalTime.MIDNIGHT : LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
	}

	private static HolidayPolicy randomPolicy(Random random, String country) {
		Set<HolidayKind> kinds = EnumSet.noneOf(HolidayKind.class);
		for (HolidayKind kind : HolidayKind.values()) {
			if (random.nextInt(3) > 0) {
				kinds.add(kind);
			}
		}
		List<String> keys = new ArrayList<>(HOLIDAYS.knownKeys(country));
		Set<String> alsoClosed = new HashSet<>();
		Set<String> stayOpen = new HashSet<>();
		for (int i = random.nextInt(3); i > 0; i--) {
			alsoClosed.add(keys.get(random.nextInt(keys.size())));
			stayOpen.add(keys.get(random.nextInt(keys.size())));
		}
		return new HolidayPolicy(kinds, alsoClosed, stayOpen);
	}

	private static List<Closure> randomClosures(Random random) {
		List<Closure> closures = new ArrayList<>();
		for (int i = random.nextInt(4); i > 0; i--) {
			LocalDate first = randomDate(random);
			closures.add(new Closure(first, first.plusDays(random.nextInt(10)), "random", null));
		}
		return closures;
	}

	// Special openings matter most on days that are otherwise closed, so many land there.
	private static List<SpecialOpening> randomSpecialOpenings(Random random, String country, List<Closure> closures) {
		List<SpecialOpening> openings = new ArrayList<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			LocalDate date = switch (random.nextInt(3)) {
				case 0 -> randomHoliday(random, country);
				case 1 -> closures.isEmpty() ? randomDate(random) : closures.get(random.nextInt(closures.size())).firstDay();
				default -> randomDate(random);
			};
			for (LocalTime[] span : randomSpans(random)) {
				openings.add(new SpecialOpening(date, span[0], span[1], "random"));
			}
		}
		return openings;
	}

	private static LocalDate randomHoliday(Random random, String country) {
		List<PublicHoliday> holidays = HOLIDAYS.in(country, 2026 + random.nextInt(6));
		return holidays.get(random.nextInt(holidays.size())).date();
	}

	private static LocalDate randomDate(Random random) {
		return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(6 * 365));
	}

	// Uniform instants rarely hit the interesting moments, so a share lands near a clock
	// change or on a span boundary.
	private static Instant randomInstant(Random random, Schedule schedule) {
		return switch (random.nextInt(5)) {
			case 0 -> nearClockChange(random, schedule.zone());
			case 1 -> nearBoundary(random, schedule);
			case 2 -> onSpecialDate(random, schedule);
			default -> FROM.plusSeconds((long) (random.nextDouble() * Duration.between(FROM, UNTIL).toSeconds()));
		};
	}

	private static Instant nearClockChange(Random random, ZoneId zone) {
		Instant from = FROM.plusSeconds((long) (random.nextDouble() * Duration.between(FROM, UNTIL).toSeconds()));
		ZoneOffsetTransition transition = zone.getRules().nextTransition(from);
		Instant base = (transition != null) ? transition.getInstant() : from;
		return base.plusSeconds(random.nextInt(6 * 3600) - 3 * 3600);
	}

	private static Instant onSpecialDate(Random random, Schedule schedule) {
		List<SpecialOpening> openings = schedule.specialOpenings();
		LocalDate date = openings.isEmpty() ? randomDate(random)
				: openings.get(random.nextInt(openings.size())).date();
		return date.atStartOfDay(schedule.zone()).toInstant().plusSeconds(random.nextInt(24 * 3600));
	}

	private static Instant nearBoundary(Random random, Schedule schedule) {
		LocalDate date = randomDate(random);
		List<OpeningInterval> weekly = schedule.weekly();
		LocalTime time = weekly.isEmpty() ? LocalTime.NOON : weekly.get(random.nextInt(weekly.size())).end();
		Instant boundary = date.atTime(time).atZone(schedule.zone()).toInstant();
		return boundary.plusSeconds(random.nextInt(3) * 60 - 60);
	}

	private record Case(Schedule schedule, Instant t) {

		String describe() {
			return "at " + this.t + " (" + this.t.atZone(this.schedule.zone()) + ") for " + this.schedule;
		}

	}

	/**
	 * The rules read literally: the local clock of the instant against the spans of its
	 * local date.
	 */
	private static final class Oracle {

		private final Schedule schedule;

		private final Map<LocalDate, List<OpeningInterval>> spansByDate = new HashMap<>();

		Oracle(Schedule schedule) {
			this.schedule = schedule;
		}

		boolean isOpen(Instant t) {
			LocalDateTime local = LocalDateTime.ofInstant(t, this.schedule.zone());
			return this.spansByDate.computeIfAbsent(local.toLocalDate(), this::spans)
				.stream()
				.anyMatch((span) -> contains(span, local.toLocalTime()));
		}

		ClosedReason reason(Instant t) {
			LocalDate date = LocalDateTime.ofInstant(t, this.schedule.zone()).toLocalDate();
			if (closure(date)) {
				return ClosedReason.CLOSURE;
			}
			if (holiday(date)) {
				return ClosedReason.PUBLIC_HOLIDAY;
			}
			return this.spansByDate.computeIfAbsent(date, this::spans).isEmpty() ? ClosedReason.NOT_OPEN_TODAY
					: ClosedReason.OUTSIDE_HOURS;
		}

		private List<OpeningInterval> spans(LocalDate date) {
			List<OpeningInterval> special = this.schedule.specialOpenings()
				.stream()
				.filter((o) -> o.date().equals(date))
				.map((o) -> new OpeningInterval(date.getDayOfWeek(), o.start(), o.end()))
				.toList();
			if (!special.isEmpty()) {
				return special;
			}
			if (closedAllDay(date)) {
				return List.of();
			}
			return this.schedule.weekly().stream().filter((w) -> w.day() == date.getDayOfWeek()).toList();
		}

		private boolean closedAllDay(LocalDate date) {
			return closure(date) || holiday(date);
		}

		private boolean closure(LocalDate date) {
			return this.schedule.closures()
				.stream()
				.anyMatch((c) -> !date.isBefore(c.firstDay()) && !date.isAfter(c.lastDay()));
		}

		private boolean holiday(LocalDate date) {
			HolidayPolicy policy = this.schedule.holidays();
			return HOLIDAYS.on(this.schedule.country(), date)
				.stream()
				.anyMatch((h) -> !policy.stayOpen().contains(h.key())
						&& (policy.closedTypes().contains(h.type()) || policy.alsoClosed().contains(h.key())));
		}

		private static boolean contains(OpeningInterval span, LocalTime time) {
			boolean untilMidnight = span.end().equals(LocalTime.MIDNIGHT);
			return !time.isBefore(span.start()) && (untilMidnight || time.isBefore(span.end()));
		}

	}

}
