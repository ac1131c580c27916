package org.helpline.helplines;

import java.time.ZoneId;
import java.util.List;

import org.helpline.schedule.Closure;
import org.helpline.schedule.HolidayPolicy;
import org.helpline.schedule.OpeningInterval;
import org.helpline.schedule.Schedule;
import org.helpline.schedule.SpecialOpening;

/**
 * A helpline as callers reach it: its own dialled numbers, the language it speaks, how long
 * a counsellor's phone rings, and when it is open.
 */
public record Helpline(long id, String name, List<String> numbers, String language, int ringTimeoutSeconds, ZoneId zone, String country, List<OpeningInterval> openingHours,
		HolidayPolicy holidayPolicy, List<Entry<Closure>> closures, List<Entry<SpecialOpening>> specialOpenings) {

	public Helpline {
		numbers = List.copyOf(numbers);
		openingHours = List.copyOf(openingHours);
		closures = List.copyOf(closures);
		specialOpenings = List.copyOf(specialOpenings);
	}

	public Helpline withOpeningHours(List<OpeningInterval> hours) {
		return new Helpline(id, name, numbers, language, ringTimeoutSeconds, zone, country, hours, holidayPolicy,
				closures, specialOpenings);
	}

	public Helpline withHolidayPolicy(HolidayPolicy policy) {
		return new Helpline(id, name, numbers, language, ringTimeoutSeconds, zone, country, openingHours, policy,
				closures, specialOpenings);
	}

	/** With one more closure, not stored yet (id 0): what the schedule would become. */
	public Helpline plusClosure(Closure closure) {
		return new Helpline(id, name, numbers, language, ringTimeoutSeconds, zone, country, openingHours,
				holidayPolicy, Entry.plus(closures, closure), specialOpenings);
	}

	/** With one more special opening, not stored yet (id 0): what the schedule would become. */
	public Helpline plusSpecialOpening(SpecialOpening opening) {
		return new Helpline(id, name, numbers, language, ringTimeoutSeconds, zone, country, openingHours,
				holidayPolicy, closures, Entry.plus(specialOpenings, opening));
	}

	public Schedule schedule() {
		return new Schedule(zone, country, openingHours, holidayPolicy, Entry.values(closures),
				Entry.values(specialOpenings));
	}

	/** A stored item with the id operators use to remove it. */
	public record Entry<T>(long id, T value) {

		static <T> List<T> values(List<Entry<T>> entries) {
			return entries.stream().map(Entry::value).toList();
		}

		static <T> List<Entry<T>> plus(List<Entry<T>> entries, T value) {
			return java.util.stream.Stream.concat(entries.stream(), java.util.stream.Stream.of(new Entry<>(0, value)))
				.toList();
		}

	}

}
