package org.helpline.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.helpline.contact.ReportData.Group;
import org.helpline.contact.ReportData.HourCount;
import org.helpline.contact.ReportData.TopicCount;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a report's rows: grouped from the detailed records, plus the summary rows retention
 * left of older years. The grouping queries are also what retention stores, so both
 * sources agree by construction.
 */
@Repository
class ReportQueries {

	static final String DIMENSIONS = "helpline_id, period_year, period_month, channel, caller_group, language, "
			+ "outcome, referral_code, contact_moment, withheld, returning_caller";

	static final String SUMS = "records, service_level_seconds, answered_within_target, answered_timed, "
			+ "waiting_seconds_sum, talks, talk_seconds_sum";

	static final String TOPIC_COLUMNS = "helpline_id, period_year, period_month, topic_code, contacts";

	static final String HOUR_COLUMNS = "helpline_id, period_year, period_month, hour_of_week, attempts";

	/**
	 * Detailed records grouped; {@code :target} is the service level in seconds for groups
	 * without an answered call, which have no target of their own. Durations are stored as the
	 * start of their bucket, so sums take each bucket's middle: averages over many calls come
	 * out within a fraction of a bucket of the exact ones. Whether a call was answered within
	 * its service level was decided when it was recorded, against the target of that moment.
	 */
	static final String GROUPS = "select " + DIMENSIONS + """
			, count(*) as records,
			  coalesce(service_level_seconds, cast(:target as integer)) as service_level_seconds,
			  sum(case when outcome = 'ANSWERED' and answered_within_service_level then 1 else 0 end)
			    as answered_within_target,
			  count(case when outcome = 'ANSWERED' then waiting_seconds end) as answered_timed,
			  coalesce(sum(case when outcome = 'ANSWERED'
			    then waiting_seconds + coalesce(duration_resolution_seconds, 0) / 2 end), 0) as waiting_seconds_sum,
			  count(case when outcome = 'ANSWERED' then talk_seconds end) as talks,
			  coalesce(sum(case when outcome = 'ANSWERED'
			    then talk_seconds + coalesce(duration_resolution_seconds, 0) / 2 end), 0) as talk_seconds_sum
			from contact_record
			where period_year between :first and :last %s
			group by""" + " " + DIMENSIONS + ", service_level_seconds";

	static final String TOPICS = """
			select helpline_id, period_year, period_month, topic_code, count(*) as contacts
			from contact_topic
			where period_year between :first and :last %s
			group by helpline_id, period_year, period_month, topic_code""";

	static final String HOURS = """
			select helpline_id, period_year, period_month, hour_of_week, count(*) as attempts
			from contact_record
			where outcome = 'OUT_OF_HOURS' and hour_of_week is not null and period_year between :first and :last %s
			group by helpline_id, period_year, period_month, hour_of_week""";

	/** Distinct persons cannot be summed over helplines, so they are counted per scope. */
	static final String PERSONS = """
			select period_year, count(*) as persons from (
			  select distinct period_year, pseudonym from contact_record
			  where contact_moment = true and pseudonym is not null and period_year between :first and :last %s
			) identified group by period_year""";

	static final String PERSONS_BY_HELPLINE = """
			select helpline_id, period_year, count(*) from (
			  select distinct helpline_id, period_year, pseudonym from contact_record
			  where contact_moment = true and pseudonym is not null and period_year between :first and :last
			) identified group by helpline_id, period_year""";

	private static final String ONE_HELPLINE = "and helpline_id = :helpline";

	private final JdbcClient jdbc;

	private final ReportCache cache;

	ReportQueries(JdbcClient jdbc, ReportCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/**
	 * Rows of years reduced by retention come from the summary tables, rows of cached months
	 * from the cube tables, and the rest (the running month, stale months) from the records.
	 * @param helplineId null for all helplines together
	 */
	ReportData load(int firstYear, int lastYear, @Nullable Long helplineId, int serviceLevelSeconds) {
		String scope = helplineId == null ? "" : ONE_HELPLINE;
		Map<String, Object> params = new HashMap<>();
		params.put("first", firstYear);
		params.put("last", lastYear);
		params.put("target", serviceLevelSeconds);
		if (helplineId != null) {
			params.put("helpline", helplineId);
		}
		Set<Integer> reduced = cache.reducedYears();
		Set<Integer> fresh = cache.freshKeys(firstYear, lastYear);
		Sources sources = new Sources(firstYear, lastYear, reduced, fresh);
		String live = sources.liveMonths();
		if (live != null) {
			cache.groupInMemory();
		}

		List<Group> groups = new ArrayList<>();
		groups.addAll(stored("contact_summary", scope, params, this::group, g -> reduced.contains(g.year())));
		groups.addAll(stored("contact_cube", scope, params, this::group, g -> sources.cached(g.year(), g.month())));
		if (live != null) {
			groups.addAll(jdbc.sql(GROUPS.formatted(scope + live)).params(params).query(this::group).list());
		}
		List<TopicCount> topics = new ArrayList<>();
		topics.addAll(stored("contact_topic_summary", scope, params, ReportQueries::topic,
				t -> reduced.contains(t.year())));
		topics.addAll(stored("contact_topic_cube", scope, params, ReportQueries::topic,
				t -> sources.cached(t.year(), t.month())));
		if (live != null) {
			topics.addAll(jdbc.sql(TOPICS.formatted(scope + live)).params(params).query(ReportQueries::topic).list());
		}
		List<HourCount> hours = new ArrayList<>();
		hours.addAll(stored("contact_hour_summary", scope, params, ReportQueries::hour,
				h -> reduced.contains(h.year())));
		hours.addAll(stored("contact_hour_cube", scope, params, ReportQueries::hour,
				h -> sources.cached(h.year(), h.month())));
		if (live != null) {
			hours.addAll(jdbc.sql(HOURS.formatted(scope + live)).params(params).query(ReportQueries::hour).list());
		}
		return new ReportData(groups, topics, hours, persons(firstYear, lastYear, helplineId, scope, params, sources));
	}

	private Map<Integer, Long> persons(int firstYear, int lastYear, @Nullable Long helplineId, String scope,
			Map<String, Object> params, Sources sources) {
		String storedScope = helplineId == null ? "helpline_id is null" : "helpline_id = :helpline";
		Map<Integer, Long> persons = new HashMap<>();
		for (int year = firstYear; year <= lastYear; year++) {
			Map<String, Object> one = new HashMap<>(params);
			one.put("first", year);
			one.put("last", year);
			String sql;
			if (sources.reduced(year)) {
				sql = "select period_year, persons from contact_person_summary where period_year = :first and "
						+ storedScope;
			}
			else if (sources.cached(year, ReportCache.PERSONS)) {
				sql = "select period_year, persons from contact_person_cube where period_year = :first and "
						+ storedScope;
			}
			else {
				sql = PERSONS.formatted(scope);
			}
			jdbc.sql(sql)
				.params(one)
				.query((rs, n) -> Map.entry(rs.getInt(1), rs.getLong(2)))
				.list()
				.forEach(e -> persons.merge(e.getKey(), e.getValue(), Long::sum));
		}
		return persons;
	}

	private <T> List<T> stored(String table, String scope, Map<String, Object> params, RowMapper<T> mapper,
			Predicate<T> wanted) {
		return jdbc.sql("select * from " + table + " where period_year between :first and :last " + scope)
			.params(params)
			.query(mapper)
			.list()
			.stream()
			.filter(wanted)
			.toList();
	}

	private static TopicCount topic(ResultSet rs, int n) throws SQLException {
		return new TopicCount(rs.getInt("period_year"), rs.getInt("period_month"), rs.getString("topic_code"),
				rs.getLong("contacts"));
	}

	private static HourCount hour(ResultSet rs, int n) throws SQLException {
		return new HourCount(rs.getInt("period_year"), rs.getInt("period_month"), rs.getInt("hour_of_week"),
				rs.getLong("attempts"));
	}

	/** Where each month of the years a report reads comes from. */
	private record Sources(int firstYear, int lastYear, Set<Integer> reducedYears, Set<Integer> fresh) {

		boolean reduced(int year) {
			return reducedYears.contains(year);
		}

		boolean cached(int year, int month) {
			return !reduced(year) && fresh.contains(ReportCache.key(year, month));
		}

		/** A condition selecting the months read from the records, or null if there are none. */
		@Nullable String liveMonths() {
			List<String> years = new ArrayList<>();
			for (int year = firstYear; year <= lastYear; year++) {
				if (reduced(year)) {
					continue;
				}
				int y = year;
				List<String> months = IntStream.rangeClosed(1, 12)
					.filter(m -> !cached(y, m))
					.mapToObj(String::valueOf)
					.toList();
				if (!months.isEmpty()) {
					years.add("(period_year = " + year + " and period_month in (" + String.join(",", months) + "))");
				}
			}
			return years.isEmpty() ? null : " and (" + String.join(" or ", years) + ")";
		}

	}

	private Group group(ResultSet rs, int n) throws SQLException {
		return new Group(rs.getInt("period_year"), rs.getInt("period_month"), rs.getString("channel"),
				rs.getString("caller_group"), rs.getString("language"), rs.getString("outcome"),
				rs.getString("referral_code"), rs.getBoolean("contact_moment"), rs.getBoolean("withheld"),
				(Boolean) rs.getObject("returning_caller"), rs.getLong("records"), rs.getInt("service_level_seconds"),
				rs.getLong("answered_within_target"), rs.getLong("answered_timed"), rs.getLong("waiting_seconds_sum"),
				rs.getLong("talks"), rs.getLong("talk_seconds_sum"));
	}

}
