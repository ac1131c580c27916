package org.helpline.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.helpline.database.Postgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the grouped rows of months that have ended (and the distinct persons of years that
 * have ended) in the cube tables, so an annual report reads a few thousand rows instead of
 * grouping a year of records. The rows are the very ones retention keeps, made by the same
 * queries.
 * <p>
 * A write into a month that may be cached marks it stale ({@link #changed}); the next
 * report rebuilds it. A rebuild holds a lock that those writes also need, so a write either
 * lands before the rebuild reads the records or marks the fresh rows stale after it.
 */
@Component
class ReportCache {

	private static final Logger log = LoggerFactory.getLogger(ReportCache.class);

	// Calls that started before a month ended are recorded within hours; two days also cover
	// every time zone. Later writes (wrap-ups, imports) mark the month stale themselves.
	private static final int GRACE_DAYS = 2;

	/** period_month of the row that stands for the distinct persons of a whole year. */
	static final int PERSONS = 0;

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	private final Clock clock;

	private final StatisticsProperties properties;

	private final boolean postgres;

	ReportCache(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			StatisticsProperties properties, DataSource dataSource) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.properties = properties;
		this.postgres = Postgres.is(dataSource);
	}

	/** Whether a month has ended long enough ago to be cached. */
	boolean isClosed(int year, int month) {
		return YearMonth.of(year, month).atEndOfMonth().plusDays(GRACE_DAYS).isBefore(today());
	}

	boolean isClosed(int year) {
		return isClosed(year, 12);
	}

	/**
	 * Called in the writer's transaction after a record of this month was added or changed.
	 */
	void changed(LocalDateTime start) {
		if (!isClosed(start.getYear(), start.getMonthValue())) {
			return;
		}
		jdbc.sql("update contact_month_cache set stale = true where period_year = ? and period_month in (?, ?)")
			.params(start.getYear(), start.getMonthValue(), PERSONS)
			.update();
	}

	/** Builds what is missing or stale for the closed months of these years (not reduced ones). */
	void refresh(int firstYear, int lastYear) {
		separately.executeWithoutResult(status -> {
			// Most reports find everything cached, and need not hold up any writer.
			if (plan(firstYear, lastYear).isEmpty()) {
				return;
			}
			lockOutWriters();
			plan(firstYear, lastYear).forEach(this::build);
		});
	}

	/** Months to (re)build by year; {@link #PERSONS} for the year's distinct persons. */
	private Map<Integer, List<Integer>> plan(int firstYear, int lastYear) {
		Set<Integer> reduced = reducedYears();
		Set<Integer> fresh = freshKeys(firstYear, lastYear);
		Map<Integer, List<Integer>> months = new TreeMap<>();
		for (int year = firstYear; year <= lastYear; year++) {
			if (reduced.contains(year)) {
				continue;
			}
			for (int month = 1; month <= 12; month++) {
				if (isClosed(year, month) && !fresh.contains(key(year, month))) {
					months.computeIfAbsent(year, y -> new ArrayList<>()).add(month);
				}
			}
			if (isClosed(year) && (!fresh.contains(key(year, PERSONS)) || months.containsKey(year))) {
				months.computeIfAbsent(year, y -> new ArrayList<>()).add(PERSONS);
			}
		}
		return months;
	}

	/**
	 * Taken by a rebuild and by retention. PostgreSQL only: the embedded development
	 * database serves one person.
	 */
	void lockOutWriters() {
		if (postgres) {
			jdbc.sql("lock table contact_month_cache in share row exclusive mode").update();
			groupInMemory();
		}
	}

	/** For this transaction: months of records are grouped in memory rather than sorted on disk. */
	void groupInMemory() {
		if (postgres) {
			jdbc.sql("set local work_mem = '64MB'").update();
		}
	}

	Set<Integer> reducedYears() {
		return new TreeSet<>(jdbc.sql("select distinct period_year from contact_summary union "
				+ "select distinct period_year from contact_person_summary")
			.query(Integer.class)
			.list());
	}

	/** Cached and not stale, as year * 100 + month (month 0: the year's persons). */
	Set<Integer> freshKeys(int firstYear, int lastYear) {
		return new TreeSet<>(jdbc.sql("select period_year * 100 + period_month from contact_month_cache "
				+ "where not stale and period_year between ? and ?")
			.params(firstYear, lastYear)
			.query(Integer.class)
			.list());
	}

	static int key(int year, int month) {
		return year * 100 + month;
	}

	/** Forgets everything cached of a year (retention is about to reduce it). */
	void forget(int year) {
		for (String table : List.of("contact_cube", "contact_topic_cube", "contact_hour_cube", "contact_person_cube",
				"contact_month_cache")) {
			jdbc.sql("delete from " + table + " where period_year = ?").param(year).update();
		}
	}

	private void build(int year, List<Integer> months) {
		long start = System.nanoTime();
		List<Integer> calendarMonths = months.stream().filter(m -> m != PERSONS).toList();
		Map<String, Object> params = Map.of("first", year, "last", year, "target", properties.serviceLevelSeconds());
		if (!calendarMonths.isEmpty()) {
			String only = "and period_month in (" + calendarMonths.stream().map(String::valueOf)
				.collect(Collectors.joining(",")) + ")";
			for (String table : List.of("contact_cube", "contact_topic_cube", "contact_hour_cube")) {
				jdbc.sql("delete from " + table + " where period_year = :first " + only).params(params).update();
			}
			jdbc.sql("insert into contact_cube (" + ReportQueries.DIMENSIONS + ", " + ReportQueries.SUMS + ") "
					+ ReportQueries.GROUPS.formatted(only)).params(params).update();
			jdbc.sql("insert into contact_topic_cube (" + ReportQueries.TOPIC_COLUMNS + ") "
					+ ReportQueries.TOPICS.formatted(only)).params(params).update();
			jdbc.sql("insert into contact_hour_cube (" + ReportQueries.HOUR_COLUMNS + ") "
					+ ReportQueries.HOURS.formatted(only)).params(params).update();
		}
		if (months.contains(PERSONS)) {
			jdbc.sql("delete from contact_person_cube where period_year = ?").param(year).update();
			jdbc.sql("insert into contact_person_cube (helpline_id, period_year, persons) "
					+ ReportQueries.PERSONS_BY_HELPLINE).params(params).update();
			jdbc.sql("insert into contact_person_cube (period_year, persons) " + ReportQueries.PERSONS.formatted(""))
				.params(params)
				.update();
		}
		for (int month : months) {
			jdbc.sql("delete from contact_month_cache where period_year = ? and period_month = ?")
				.params(year, month)
				.update();
			jdbc.sql("insert into contact_month_cache (period_year, period_month, stale) values (?, ?, false)")
				.params(year, month)
				.update();
		}
		log.debug("Cached the report rows of {} {} in {} ms", year, months, (System.nanoTime() - start) / 1_000_000);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
