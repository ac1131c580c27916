package org.helpline.schedule;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Public holidays per country from Jollyday, cached because building a calendar is slow.
 * Dates are the observed ones ({@link Holiday#getDate()}), the day the country actually
 * takes off: King's Day 2031 is Saturday 26 April, not Sunday 27 April.
 */
public final class PublicHolidays {

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	// Keys a schedule may name; a fixed window rather than "now" keeps validation
	// reproducible, and it covers any date this service will evaluate.
	private static final int FIRST_KEY_YEAR = 2000;

	private static final int LAST_KEY_YEAR = 2099;

	private static final Comparator<PublicHoliday> BY_DATE = Comparator.comparing(PublicHoliday::date)
		.thenComparing(PublicHoliday::key);

	private final Set<String> supportedCountries = HolidayManager.getSupportedCalendarCodes()
		.stream()
		.map(PublicHolidays::normalize)
		.collect(Collectors.toUnmodifiableSet());

	private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();

	private final Map<CountryYear, List<PublicHoliday>> byYear = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> keysByCountry = new ConcurrentHashMap<>();

	public boolean isSupportedCountry(String country) {
		return country != null && this.supportedCountries.contains(normalize(country));
	}

	/**
	 * Holidays observed in {@code year}, sorted by date.
	 * @throws IllegalArgumentException if the country has no holiday calendar
	 */
	public List<PublicHoliday> in(String country, int year) {
		String code = supported(country);
		return this.byYear.computeIfAbsent(new CountryYear(code, year), this::load);
	}

	public List<PublicHoliday> on(String country, LocalDate date) {
		List<PublicHoliday> holidays = in(country, date.getYear());
		return holidays.stream().filter((holiday) -> holiday.date().equals(date)).toList();
	}

	/**
	 * Every holiday key the country's calendar uses in 2000–2099, for checking the keys an
	 * operator types into a {@link HolidayPolicy}.
	 */
	public Set<String> knownKeys(String country) {
		String code = supported(country);
		return this.keysByCountry.computeIfAbsent(code, (c) -> IntStream.rangeClosed(FIRST_KEY_YEAR, LAST_KEY_YEAR)
			.boxed()
			.flatMap((year) -> jollyday(c, year))
			.map(Holiday::getPropertiesKey)
			.collect(Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new),
					Collections::unmodifiableSortedSet)));
	}

	// Jollyday groups holidays by their nominal year, so an observed date can fall in the
	// neighbouring year (New Year's Day on a Saturday observed on 31 December in the US).
	private List<PublicHoliday> load(CountryYear key) {
		return Stream.of(key.year() - 1, key.year(), key.year() + 1)
			.flatMap((year) -> jollyday(key.country(), year))
			.filter((holiday) -> holiday.getDate().getYear() == key.year())
			.map(PublicHolidays::toPublicHoliday)
			.sorted(BY_DATE)
			.toList();
	}

	private Stream<Holiday> jollyday(String country, int year) {
		HolidayManager manager = this.managers.computeIfAbsent(country,
				(c) -> HolidayManager.getInstance(ManagerParameters.create(c)));
		return manager.getHolidays(Year.of(year)).stream();
	}

	private static PublicHoliday toPublicHoliday(Holiday holiday) {
		return new PublicHoliday(holiday.getDate(), holiday.getPropertiesKey(), HolidayKind.of(holiday.getType()),
				holiday.getDescription(DUTCH), holiday.getDescription(Locale.ENGLISH));
	}

	private String supported(String country) {
		if (!isSupportedCountry(country)) {
			throw new IllegalArgumentException("No holiday calendar for country '" + country + "'");
		}
		return normalize(country);
	}

	private static String normalize(String country) {
		return country.strip().toLowerCase(Locale.ROOT);
	}

	private record CountryYear(String country, int year) {
	}

}
