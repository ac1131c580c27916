package org.helpline.contact;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps detailed contact records only as long as needed: years older than
 * {@code helpline.statistics.detail-years} are reduced to the grouped sums reports are
 * computed from (the very same queries), and their records and pseudonyms are deleted. A
 * report of such a year comes out the same as before.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;

	private final StatisticsProperties properties;

	private final Clock clock;

	private final ReportCache cache;

	Retention(JdbcClient jdbc, StatisticsProperties properties, Clock clock, ReportCache cache) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.cache = cache;
	}

	@Scheduled(cron = "${helpline.statistics.retention-cron:0 30 3 * * *}")
	void onSchedule() {
		reduceExpired();
	}

	/** Reduces every year before the current one minus {@code detail-years}. */
	@Transactional
	public List<Integer> reduceExpired() {
		return reduceYearsBefore(clock.instant().atOffset(ZoneOffset.UTC).getYear() - properties.detailYears());
	}

	/**
	 * @return the years that were reduced
	 */
	@Transactional
	public List<Integer> reduceYearsBefore(int firstDetailedYear) {
		cache.lockOutWriters();
		List<Integer> years = jdbc.sql("select distinct period_year from contact_record where period_year < ?")
			.param(firstDetailedYear)
			.query(Integer.class)
			.list()
			.stream()
			.sorted()
			.toList();
		years.forEach(this::reduce);
		return years;
	}

	private void reduce(int year) {
		cache.forget(year);
		Map<String, Object> params = Map.of("first", year, "last", year, "target", properties.serviceLevelSeconds());
		jdbc.sql("insert into contact_summary (" + ReportQueries.DIMENSIONS + ", " + ReportQueries.SUMS + ") "
				+ ReportQueries.GROUPS.formatted("")).params(params).update();
		jdbc.sql("insert into contact_topic_summary (" + ReportQueries.TOPIC_COLUMNS + ") "
				+ ReportQueries.TOPICS.formatted("")).params(params).update();
		jdbc.sql("insert into contact_hour_summary (" + ReportQueries.HOUR_COLUMNS + ") "
				+ ReportQueries.HOURS.formatted("")).params(params).update();
		// Distinct persons do not add up over helplines: kept per helpline and for all together.
		jdbc.sql("insert into contact_person_summary (helpline_id, period_year, persons) "
				+ ReportQueries.PERSONS_BY_HELPLINE).params(params).update();
		jdbc.sql("insert into contact_person_summary (period_year, persons) " + ReportQueries.PERSONS.formatted(""))
			.params(params)
			.update();
		jdbc.sql("delete from contact_topic where period_year = ?").param(year).update();
		int records = jdbc.sql("delete from contact_record where period_year = ?").param(year).update();
		log.info("Retention: reduced the {} detailed contact records of {} to summaries", records, year);
	}

}
