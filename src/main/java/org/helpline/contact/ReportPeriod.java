package org.helpline.contact;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year, quarter or month of the helpline's own calendar: {@code 2016}, {@code 2016-Q1},
 * {@code 2016-03}.
 */
public record ReportPeriod(int year, Kind kind, int firstMonth) {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(?:[Qq]([1-4])|(\\d{2})))?");

	public enum Kind {

		YEAR(12), QUARTER(3), MONTH(1);

		private final int months;

		Kind(int months) {
			this.months = months;
		}

	}

	public ReportPeriod {
		if (year < 1900 || year > 9999 || firstMonth < 1 || firstMonth + kind.months - 1 > 12
				|| (firstMonth - 1) % kind.months != 0) {
			throw new IllegalArgumentException("no such period");
		}
	}

	public static ReportPeriod year(int year) {
		return new ReportPeriod(year, Kind.YEAR, 1);
	}

	public static ReportPeriod quarter(int year, int quarter) {
		return new ReportPeriod(year, Kind.QUARTER, (quarter - 1) * 3 + 1);
	}

	public static ReportPeriod month(int year, int month) {
		return new ReportPeriod(year, Kind.MONTH, month);
	}

	/**
	 * @throws IllegalArgumentException if the text is no period like 2016, 2016-Q1 or 2016-03
	 */
	public static ReportPeriod parse(String text) {
		Matcher m = TEXT.matcher(text == null ? "" : text.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a period like 2016, 2016-Q1 or 2016-03");
		}
		int year = Integer.parseInt(m.group(1));
		try {
			if (m.group(2) != null) {
				return quarter(year, Integer.parseInt(m.group(2)));
			}
			if (m.group(3) != null) {
				return month(year, Integer.parseInt(m.group(3)));
			}
			return year(year);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a period like 2016, 2016-Q1 or 2016-03");
		}
	}

	public int quarterNumber() {
		return (firstMonth - 1) / 3 + 1;
	}

	public String label() {
		return switch (kind) {
			case YEAR -> Integer.toString(year);
			case QUARTER -> year + "-Q" + quarterNumber();
			case MONTH -> String.format(Locale.ROOT, "%d-%02d", year, firstMonth);
		};
	}

	public LocalDate from() {
		return LocalDate.of(year, firstMonth, 1);
	}

	public LocalDate until() {
		return YearMonth.of(year, firstMonth + kind.months - 1).atEndOfMonth();
	}

	/** The period of the same length just before this one. */
	public ReportPeriod previous() {
		YearMonth start = YearMonth.of(year, firstMonth).minusMonths(kind.months);
		return new ReportPeriod(start.getYear(), kind, start.getMonthValue());
	}

	public boolean contains(int year, int month) {
		return year == this.year && month >= firstMonth && month < firstMonth + kind.months;
	}

	/** The quarters and months of a year, or the months of a quarter. */
	public List<ReportPeriod> parts() {
		List<ReportPeriod> parts = new ArrayList<>();
		if (kind == Kind.YEAR) {
			for (int q = 1; q <= 4; q++) {
				parts.add(quarter(year, q));
			}
		}
		if (kind != Kind.MONTH) {
			for (int m = firstMonth; m < firstMonth + kind.months; m++) {
				parts.add(month(year, m));
			}
		}
		return parts;
	}

}
