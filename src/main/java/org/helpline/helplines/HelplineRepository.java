package org.helpline.helplines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.helpline.helplines.Helpline.Entry;
import org.helpline.schedule.Closure;
import org.helpline.schedule.HolidayKind;
import org.helpline.schedule.HolidayPolicy;
import org.helpline.schedule.OpeningInterval;
import org.helpline.schedule.SpecialOpening;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Helplines and their schedules in the relational schema owned by Liquibase. */
@Repository
class HelplineRepository {

	private final JdbcClient jdbc;

	HelplineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Helpline> findAll() {
		return jdbc.sql("select id from helpline order by name").query(Long.class).list().stream()
			.map(this::findById).flatMap(Optional::stream).toList();
	}

	Optional<Helpline> findById(long id) {
		return jdbc.sql("select * from helpline where id = ?").param(id).query(this::settingsRow).optional()
			.map(row -> assemble(id, row));
	}

	Optional<Long> findIdByNumber(String number) {
		return jdbc.sql("select helpline_id from helpline_number where number = ?").param(number)
			.query(Long.class).optional();
	}

	Optional<Long> findIdByName(String name) {
		return jdbc.sql("select id from helpline where name = ?").param(name).query(Long.class).optional();
	}

	long insert(Helpline helpline) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into helpline (name, time_zone, country, language, ring_timeout_seconds,
				  closed_holiday_kinds, also_closed_holidays, stay_open_holidays)
				values (:name, :zone, :country, :language, :ringTimeout, :kinds, :alsoClosed, :stayOpen)
				""").params(settingsParams(helpline)).update(keys, "id");
		long id = Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
		replaceNumbers(id, helpline.numbers());
		return id;
	}

	void update(long id, Helpline helpline) {
		var params = settingsParams(helpline);
		params.put("id", id);
		jdbc.sql("""
				update helpline set name = :name, time_zone = :zone, country = :country, language = :language,
				  ring_timeout_seconds = :ringTimeout, closed_holiday_kinds = :kinds,
				  also_closed_holidays = :alsoClosed, stay_open_holidays = :stayOpen
				where id = :id
				""").params(params).update();
		replaceNumbers(id, helpline.numbers());
	}

	boolean delete(long id) {
		return jdbc.sql("delete from helpline where id = ?").param(id).update() == 1;
	}

	void replaceOpeningHours(long id, List<OpeningInterval> intervals) {
		jdbc.sql("delete from opening_interval where helpline_id = ?").param(id).update();
		for (OpeningInterval interval : intervals) {
			jdbc.sql("insert into opening_interval (helpline_id, day_of_week, start_time, end_time) values (?, ?, ?, ?)")
				.params(id, interval.day().getValue(), interval.start(), interval.end())
				.update();
		}
	}

	long insertClosure(long helplineId, Closure closure) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into closure (helpline_id, first_day, last_day, reason, message_prompt)
				values (?, ?, ?, ?, ?)""")
			.param(helplineId)
			.param(closure.firstDay())
			.param(closure.lastDay())
			.param(closure.reason())
			.param(closure.messagePrompt())
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
	}

	boolean deleteClosure(long helplineId, long closureId) {
		return jdbc.sql("delete from closure where helpline_id = ? and id = ?").params(helplineId, closureId)
			.update() == 1;
	}

	long insertSpecialOpening(long helplineId, SpecialOpening opening) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into special_opening (helpline_id, on_date, start_time, end_time, reason)
				values (?, ?, ?, ?, ?)""")
			.param(helplineId)
			.param(opening.date())
			.param(opening.start())
			.param(opening.end())
			.param(opening.reason())
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
	}

	boolean deleteSpecialOpening(long helplineId, long openingId) {
		return jdbc.sql("delete from special_opening where helpline_id = ? and id = ?").params(helplineId, openingId)
			.update() == 1;
	}

	private void replaceNumbers(long id, List<String> numbers) {
		jdbc.sql("delete from helpline_number where helpline_id = ?").param(id).update();
		for (String number : numbers) {
			jdbc.sql("insert into helpline_number (number, helpline_id) values (?, ?)").params(number, id).update();
		}
	}

	private Helpline assemble(long id, SettingsRow row) {
		List<String> numbers = jdbc.sql("select number from helpline_number where helpline_id = ? order by number")
			.param(id).query(String.class).list();
		List<OpeningInterval> hours = jdbc.sql("""
				select day_of_week, start_time, end_time from opening_interval
				where helpline_id = ? order by day_of_week, start_time""")
			.param(id)
			.query((rs, n) -> new OpeningInterval(DayOfWeek.of(rs.getInt(1)), time(rs, 2), time(rs, 3)))
			.list();
		List<Entry<Closure>> closures = jdbc.sql("""
				select id, first_day, last_day, reason, message_prompt from closure
				where helpline_id = ? order by first_day, id""")
			.param(id)
			.query((rs, n) -> new Entry<>(rs.getLong(1), new Closure(date(rs, 2), date(rs, 3), rs.getString(4),
					rs.getString(5))))
			.list();
		List<Entry<SpecialOpening>> openings = jdbc.sql("""
				select id, on_date, start_time, end_time, reason from special_opening
				where helpline_id = ? order by on_date, start_time""")
			.param(id)
			.query((rs, n) -> new Entry<>(rs.getLong(1), new SpecialOpening(date(rs, 2), time(rs, 3), time(rs, 4),
					rs.getString(5))))
			.list();
		HolidayPolicy policy = new HolidayPolicy(split(row.closedKinds(), HolidayKind::valueOf),
				split(row.alsoClosed(), Function.identity()), split(row.stayOpen(), Function.identity()));
		return new Helpline(id, row.name(), numbers, row.language(), row.ringTimeout(),
				ZoneId.of(row.zone()), row.country(), hours, policy, closures, openings);
	}

	private SettingsRow settingsRow(ResultSet rs, int rowNum) throws SQLException {
		return new SettingsRow(rs.getString("name"), rs.getString("time_zone"), rs.getString("country"),
				rs.getString("language"), rs.getInt("ring_timeout_seconds"),
				rs.getString("closed_holiday_kinds"), rs.getString("also_closed_holidays"),
				rs.getString("stay_open_holidays"));
	}

	private static java.util.Map<String, Object> settingsParams(Helpline helpline) {
		var params = new java.util.HashMap<String, Object>();
		params.put("name", helpline.name());
		params.put("zone", helpline.zone().getId());
		params.put("country", helpline.country());
		params.put("language", helpline.language());
		params.put("ringTimeout", helpline.ringTimeoutSeconds());
		params.put("kinds", join(helpline.holidayPolicy().closedTypes()));
		params.put("alsoClosed", join(helpline.holidayPolicy().alsoClosed()));
		params.put("stayOpen", join(helpline.holidayPolicy().stayOpen()));
		return params;
	}

	private static String join(Collection<?> values) {
		return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
	}

	private static <T> Set<T> split(String joined, Function<String, T> parse) {
		return Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).map(parse)
			.collect(Collectors.toCollection(() -> new TreeSet<>()));
	}

	private static LocalTime time(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, LocalTime.class);
	}

	private static LocalDate date(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	private record SettingsRow(String name, String zone, String country, String language, int ringTimeout, String closedKinds, String alsoClosed, String stayOpen) {
	}

}
