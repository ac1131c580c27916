package org.helpline.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.helpline.privacy.Pseudonym;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contact records and their topics. */
@Repository
class ContactRepository {

	private static final String INSERT = """
			insert into contact_record (id, helpline_id, channel, source, started_local, period_year, period_month,
			  hour_of_week, caller_group, language, waiting_seconds, ringing_seconds, talk_seconds,
			  duration_resolution_seconds, answered_within_service_level, service_level_seconds, counsellor_id,
			  outcome, contact_moment, withheld, pseudonym, returning_caller, referral_code, wrapped_up)
			values (:id, :helpline, :channel, :source, :started, :year, :month, :hourOfWeek, :callerGroup, :language,
			  :waiting, :ringing, :talk, :resolution, :withinServiceLevel, :serviceLevel, :counsellor, :outcome,
			  :contactMoment, :withheld, :pseudonym, :returning, :referral, :wrappedUp)""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final ReportCache cache;

	ContactRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ReportCache cache) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.cache = cache;
	}

	long insert(NewRecord record) {
		long id = freeIds(1).getFirst();
		jdbc.sql(INSERT).paramSource(params(id, record)).update();
		insertTopics(id, record, record.topics());
		cache.changed(record.startedLocal());
		return id;
	}

	/** How many imported records each of the years holds, leaving out the years that hold none. */
	Map<Integer, Long> importedByYear(long helplineId, Set<Integer> years) {
		if (years.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select period_year, count(*) from contact_record
				where helpline_id = :helpline and source = 'import' and period_year in (:years)
				group by period_year""")
			.param("helpline", helplineId)
			.param("years", years)
			.query((rs, n) -> Map.entry(rs.getInt(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
	}

	/** Inserts many records in batches, e.g. an imported file. */
	void insertAll(List<NewRecord> records) {
		for (int from = 0; from < records.size(); from += 1_000) {
			List<NewRecord> chunk = records.subList(from, Math.min(records.size(), from + 1_000));
			List<Long> ids = freeIds(chunk.size());
			SqlParameterSource[] rows = new SqlParameterSource[chunk.size()];
			for (int i = 0; i < chunk.size(); i++) {
				rows[i] = params(ids.get(i), chunk.get(i));
			}
			batch.batchUpdate(INSERT, rows);
			List<SqlParameterSource> topics = new ArrayList<>();
			for (int i = 0; i < chunk.size(); i++) {
				long id = ids.get(i);
				NewRecord record = chunk.get(i);
				record.topics().forEach(topic -> topics.add(topicParams(id, record.helplineId(),
						record.startedLocal(), topic)));
			}
			if (!topics.isEmpty()) {
				batch.batchUpdate(INSERT_TOPIC, topics.toArray(SqlParameterSource[]::new));
			}
		}
		records.stream().map(r -> r.startedLocal().withDayOfMonth(1).toLocalDate()).distinct()
			.forEach(month -> cache.changed(month.atStartOfDay()));
	}

	/** Random ids that no record has yet (nor each other). */
	private List<Long> freeIds(int count) {
		Set<Long> ids = new LinkedHashSet<>();
		while (ids.size() < count) {
			while (ids.size() < count) {
				ids.add(ContactIds.next());
			}
			ids.removeAll(jdbc.sql("select id from contact_record where id in (:ids)")
				.param("ids", List.copyOf(ids))
				.query(Long.class)
				.list());
		}
		return List.copyOf(ids);
	}

	Optional<ContactView> find(long id) {
		List<String> topics = jdbc.sql("select topic_code from contact_topic where contact_id = ? order by topic_code")
			.param(id)
			.query(String.class)
			.list();
		return jdbc.sql("select * from contact_record where id = ?")
			.param(id)
			.query((rs, n) -> view(rs, topics))
			.optional();
	}

	void wrapUp(ContactView contact, List<String> topics, @Nullable String referral, @Nullable Boolean returningCaller,
			@Nullable String callerGroup) {
		jdbc.sql("""
				update contact_record set referral_code = :referral, returning_caller = :returning,
				  caller_group = coalesce(:callerGroup, caller_group), wrapped_up = true
				where id = :id""")
			.param("referral", referral, Types.VARCHAR)
			.param("returning", returningCaller, Types.BOOLEAN)
			.param("callerGroup", callerGroup, Types.VARCHAR)
			.param("id", contact.id())
			.update();
		jdbc.sql("delete from contact_topic where contact_id = ?").param(contact.id()).update();
		for (String topic : topics) {
			jdbc.sql(INSERT_TOPIC)
				.paramSource(topicParams(contact.id(), contact.helplineId(), contact.startedAround(), topic))
				.update();
		}
		cache.changed(contact.startedAround());
	}

	/** Years whose detailed records retention has reduced to sums; nothing more may be added to them. */
	Set<Integer> reducedYears() {
		return cache.reducedYears();
	}

	private static final String INSERT_TOPIC = """
			insert into contact_topic (contact_id, topic_code, helpline_id, period_year, period_month)
			values (:contact, :topic, :helpline, :year, :month)""";

	private void insertTopics(long id, NewRecord record, List<String> topics) {
		for (String topic : topics) {
			jdbc.sql(INSERT_TOPIC).paramSource(topicParams(id, record.helplineId(), record.startedLocal(), topic)).update();
		}
	}

	private static MapSqlParameterSource topicParams(long id, long helplineId, LocalDateTime started, String topic) {
		return new MapSqlParameterSource().addValue("contact", id)
			.addValue("topic", topic)
			.addValue("helpline", helplineId)
			.addValue("year", started.getYear())
			.addValue("month", started.getMonthValue());
	}

	private static MapSqlParameterSource params(long id, NewRecord r) {
		Map<String, Object> values = new HashMap<>();
		values.put("id", id);
		values.put("helpline", r.helplineId());
		values.put("channel", r.channel().code());
		values.put("source", r.source());
		values.put("started", r.startedLocal());
		values.put("year", r.startedLocal().getYear());
		values.put("month", r.startedLocal().getMonthValue());
		values.put("hourOfWeek", new SqlParameterValue(Types.SMALLINT, r.hourOfWeek()));
		values.put("callerGroup", new SqlParameterValue(Types.VARCHAR, r.callerGroup()));
		values.put("language", new SqlParameterValue(Types.VARCHAR, r.language()));
		values.put("waiting", new SqlParameterValue(Types.INTEGER, r.waitingSeconds()));
		values.put("ringing", new SqlParameterValue(Types.INTEGER, r.ringingSeconds()));
		values.put("talk", new SqlParameterValue(Types.INTEGER, r.talkSeconds()));
		values.put("resolution", new SqlParameterValue(Types.INTEGER, r.durationResolutionSeconds()));
		values.put("withinServiceLevel", new SqlParameterValue(Types.BOOLEAN, r.answeredWithinServiceLevel()));
		values.put("serviceLevel", new SqlParameterValue(Types.INTEGER, r.serviceLevelSeconds()));
		values.put("counsellor", new SqlParameterValue(Types.BIGINT, r.counsellorId()));
		values.put("outcome", new SqlParameterValue(Types.VARCHAR, r.outcome() == null ? null : r.outcome().name()));
		values.put("contactMoment", r.contactMoment());
		values.put("withheld", r.withheld());
		values.put("pseudonym",
				new SqlParameterValue(Types.BINARY, r.pseudonym() == null ? null : r.pseudonym().bytes()));
		values.put("returning", new SqlParameterValue(Types.BOOLEAN, r.returningCaller()));
		values.put("referral", new SqlParameterValue(Types.VARCHAR, r.referral()));
		values.put("wrappedUp", r.wrappedUp());
		return new MapSqlParameterSource(values);
	}

	private static ContactView view(ResultSet rs, List<String> topics) throws SQLException {
		return new ContactView(rs.getLong("id"), rs.getLong("helpline_id"), rs.getString("channel"),
				rs.getObject("started_local", LocalDateTime.class), rs.getString("caller_group"),
				rs.getString("language"), rs.getString("outcome"), integer(rs, "waiting_seconds"),
				integer(rs, "ringing_seconds"), integer(rs, "talk_seconds"), integer(rs, "duration_resolution_seconds"),
				rs.getBoolean("contact_moment"),
				rs.getBoolean("withheld"), rs.getBytes("pseudonym") != null, topics, rs.getString("referral_code"),
				(Boolean) rs.getObject("returning_caller"), rs.getBoolean("wrapped_up"),
				rs.getObject("counsellor_id", Long.class));
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	/** Records (calls and other contacts) of one person (pseudonym) with a helpline in one year. */
	int recordsOf(long helplineId, Pseudonym pseudonym, int year) {
		return jdbc.sql("""
				select count(*) from contact_record
				where helpline_id = ? and period_year = ? and pseudonym = ?""")
			.params(helplineId, year, new SqlParameterValue(Types.BINARY, pseudonym.bytes()))
			.query(Integer.class)
			.single();
	}

}
