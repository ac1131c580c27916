package org.helpline.web.page;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.helpline.helplines.Helpline;
import org.helpline.schedule.Closure;
import org.helpline.schedule.PublicHoliday;
import org.helpline.schedule.SpecialOpening;
import org.jspecify.annotations.Nullable;

/**
 * A helpline's year as twelve month grids (Monday first): the days it is closed all day, by
 * a public holiday its policy closes on or by a closure, and its special openings.
 */
record HelplineCalendar(int year, List<String> weekdays, List<MonthGrid> months) {

	/** @param weeks rows of seven days; null where the month has no day */
	record MonthGrid(String name, List<List<Day>> weeks) {
	}

	/** @param kind {@code closed}, {@code special} or empty */
	record Day(LocalDate date, int number, String kind, @Nullable String note) {
	}

	static HelplineCalendar of(Helpline helpline, int year, List<PublicHoliday> holidays, Locale locale,
			String closureNote) {
		Map<LocalDate, Day> marked = new HashMap<>();
		boolean english = locale.getLanguage().equals("en");
		for (PublicHoliday holiday : holidays) {
			if (helpline.holidayPolicy().closesOn(holiday)) {
				mark(marked, holiday.date(), "closed", english ? holiday.englishName() : holiday.dutchName());
			}
		}
		for (Helpline.Entry<Closure> entry : helpline.closures()) {
			Closure closure = entry.value();
			for (LocalDate day = closure.firstDay(); !day.isAfter(closure.lastDay()); day = day.plusDays(1)) {
				if (day.getYear() == year) {
					mark(marked, day, "closed", Forms.blank(closure.reason()) ? closureNote : closure.reason());
				}
			}
		}
		// A special opening wins over holidays and closures, as it does for calls.
		for (Helpline.Entry<SpecialOpening> entry : helpline.specialOpenings()) {
			SpecialOpening opening = entry.value();
			if (opening.date().getYear() == year) {
				marked.put(opening.date(), new Day(opening.date(), opening.date().getDayOfMonth(), "special",
						opening.start() + "–" + opening.end()
								+ (Forms.blank(opening.reason()) ? "" : " " + opening.reason())));
			}
		}
		List<MonthGrid> months = new ArrayList<>();
		for (Month month : Month.values()) {
			months.add(grid(YearMonth.of(year, month), marked, locale));
		}
		List<String> weekdays = Arrays.stream(DayOfWeek.values())
			.map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale))
			.toList();
		return new HelplineCalendar(year, weekdays, months);
	}

	private static void mark(Map<LocalDate, Day> marked, LocalDate date, String kind, @Nullable String note) {
		marked.merge(date, new Day(date, date.getDayOfMonth(), kind, note),
				(old, added) -> new Day(date, date.getDayOfMonth(), kind, old.note() + "; " + added.note()));
	}

	private static MonthGrid grid(YearMonth month, Map<LocalDate, Day> marked, Locale locale) {
		List<List<Day>> weeks = new ArrayList<>();
		List<Day> week = new ArrayList<>();
		for (int i = 1; i < month.atDay(1).getDayOfWeek().getValue(); i++) {
			week.add(null);
		}
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate date = month.atDay(d);
			week.add(marked.getOrDefault(date, new Day(date, d, "", null)));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(null);
			}
			weeks.add(week);
		}
		String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
		return new MonthGrid(name.substring(0, 1).toUpperCase(locale) + name.substring(1), weeks);
	}

}
