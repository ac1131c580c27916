package org.helpline.schedule;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides whether the line is open. {@code country} is a Jollyday calendar
 * code such as {@code nl} or {@code be}. Missing lists mean "none" and a missing policy means
 * {@link HolidayPolicy#DEFAULT}, so a partly filled form still yields a usable schedule.
 */
public record Schedule(ZoneId zone, String country, List<OpeningInterval> weekly, HolidayPolicy holidays,
		List<Closure> closures, List<SpecialOpening> specialOpenings) {

	public Schedule {
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(country, "country");
		weekly = (weekly != null) ? List.copyOf(weekly) : List.of();
		holidays = (holidays != null) ? holidays : HolidayPolicy.DEFAULT;
		closures = (closures != null) ? List.copyOf(closures) : List.of();
		specialOpenings = (specialOpenings != null) ? List.copyOf(specialOpenings) : List.of();
	}

}
