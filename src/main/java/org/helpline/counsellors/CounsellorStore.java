package org.helpline.counsellors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.database.Postgres;
import org.helpline.helplines.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counsellors, their skills and their presence in the database all instances share. The
 * database row is the truth about a counsellor's state: every change locks the row, and the
 * claim that lets a call ring a counsellor is one conditional UPDATE.
 */
@Repository
class CounsellorStore {

	private static final String ROW_COLUMNS = """
			id, display_name, endpoint, external_number, state, pause_reason, state_since, idle_since,
			wrap_up_until, claim_expires, device, ring_seq, version""";

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	/** Claims in one statement, one round trip: the call waits for it before the phone rings. */
	private final boolean postgres;

	CounsellorStore(JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.postgres = Postgres.is(dataSource);
	}

	// --- presence

	Optional<CounsellorRow> find(long id) {
		return jdbc.sql("select " + ROW_COLUMNS + " from counsellor where id = ?").param(id).query(this::row)
			.optional();
	}

	List<CounsellorRow> findAllRows() {
		return jdbc.sql("select " + ROW_COLUMNS + " from counsellor order by display_name, id").query(this::row).list();
	}

	/**
	 * Applies a transition to the locked row and stores the result, with a history entry when
	 * the state or its reason changed.
	 * @return the new row, or empty when the transition changed nothing
	 * @throws NotFoundException when there is no such counsellor
	 */
	Optional<CounsellorRow> change(long id, Instant now, UnaryOperator<CounsellorRow> transition) {
		return tx.execute(status -> {
			CounsellorRow current = jdbc.sql("select " + ROW_COLUMNS + " from counsellor where id = ? for update")
				.param(id)
				.query(this::row)
				.optional()
				.orElseThrow(() -> new NotFoundException("counsellor " + id + " does not exist"));
			CounsellorRow next = transition.apply(current);
			if (next.equals(current)) {
				return Optional.<CounsellorRow>empty();
			}
			jdbc.sql("""
					update counsellor set state = :state, pause_reason = :reason, state_since = :since,
					  idle_since = :idleSince, wrap_up_until = :wrapUpUntil, claim_expires = :claimExpires,
					  device = :device, version = version + 1
					where id = :id""")
				.param("state", next.state().name())
				.param("reason", next.reason())
				.param("since", time(next.since()))
				.param("idleSince", time(next.idleSince()))
				.param("wrapUpUntil", time(next.wrapUpUntil()))
				.param("claimExpires", time(next.claimExpires()))
				.param("device", next.device().name())
				.param("id", id)
				.update();
			if (next.state() != current.state() || !java.util.Objects.equals(next.reason(), current.reason())) {
				history(id, next.state(), next.reason(), now);
			}
			return Optional.of(new CounsellorRow(next.id(), next.displayName(), next.endpoint(),
					next.externalNumber(), next.state(), next.reason(), next.since(), next.idleSince(),
					next.wrapUpUntil(), next.claimExpires(), next.device(), current.ringSeq(), current.version() + 1));
		});
	}

	/**
	 * Claims an available counsellor for one call: AVAILABLE → RINGING in one conditional
	 * UPDATE, so of any number of claimers (threads or instances) exactly one succeeds.
	 * @param version the version the claimer saw; a counsellor who changed since is not claimed
	 * @return the claim token, or empty when somebody else was first. The token is the
	 * counsellor's new ring sequence number: it grows with every claim of this counsellor and,
	 * unlike the version, is not moved by device events while the phone rings.
	 */
	OptionalLong claim(long id, long version, Instant now, Instant expires) {
		if (postgres) {
			return claimInOneStatement(id, version, now, expires);
		}
		return tx.execute(status -> {
			int claimed = jdbc.sql("""
					update counsellor set state = 'RINGING', pause_reason = null, state_since = :now,
					  claim_expires = :expires, version = version + 1,
					  ring_seq = (select coalesce(max(ring_seq), 0) + 1 from counsellor)
					where id = :id and state = 'AVAILABLE' and version = :version""")
				.param("now", time(now))
				.param("expires", time(expires))
				.param("id", id)
				.param("version", version)
				.update();
			if (claimed != 1) {
				return OptionalLong.empty();
			}
			history(id, CounsellorState.RINGING, null, now);
			// The row is locked by our update until commit, so this reads our own claim.
			return OptionalLong.of(jdbc.sql("select ring_seq from counsellor where id = ?").param(id)
				.query(Long.class)
				.single());
		});
	}

	/**
	 * The same claim as one PostgreSQL statement (its own transaction): the update, its history
	 * entry and the token in one round trip instead of four (update, insert, select, commit).
	 */
	private OptionalLong claimInOneStatement(long id, long version, Instant now, Instant expires) {
		return jdbc.sql("""
				with claimed as (
				  update counsellor set state = 'RINGING', pause_reason = null, state_since = :now,
				    claim_expires = :expires, version = version + 1,
				    ring_seq = (select coalesce(max(ring_seq), 0) + 1 from counsellor)
				  where id = :id and state = 'AVAILABLE' and version = :version
				  returning id, ring_seq),
				logged as (
				  insert into counsellor_state_change (counsellor_id, at, state, reason)
				  select id, :hour, 'RINGING', null from claimed)
				select ring_seq from claimed""")
			.param("now", time(now))
			.param("expires", time(expires))
			.param("id", id)
			.param("version", version)
			.param("hour", time(historyTime(now)))
			.query(Long.class)
			.optional()
			.map(OptionalLong::of)
			.orElseGet(OptionalLong::empty);
	}

	/** Counsellors available right now, with their skills, for the dispatcher. */
	List<Candidate> available() {
		Map<Long, CandidateBuilder> byId = new LinkedHashMap<>();
		jdbc.sql("""
				select c.id, c.version, c.display_name, c.endpoint, c.external_number, c.idle_since, c.ring_seq,
				  s.kind, s.name, s.level
				from counsellor c left join counsellor_skill s on s.counsellor_id = c.id
				where c.state = 'AVAILABLE' order by c.id""").query(rs -> {
			CandidateBuilder candidate = byId.computeIfAbsent(rs.getLong("id"), id -> new CandidateBuilder());
			candidate.fill(rs);
		});
		return byId.values().stream().map(CandidateBuilder::build).toList();
	}

	/** How many calls each counsellor answered since the given moment (from the history). */
	Map<Long, Integer> answeredSince(Instant since) {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("""
				select counsellor_id, count(*) from counsellor_state_change
				where state = 'ON_CALL' and at >= ? group by counsellor_id""")
			.param(time(since))
			.query(rs -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

	List<Long> wrapUpsEndedBy(Instant now) {
		return jdbc.sql("select id from counsellor where state = 'WRAP_UP' and wrap_up_until <= ?")
			.param(time(now))
			.query(Long.class)
			.list();
	}

	List<Long> claimsExpiredBy(Instant now) {
		return jdbc.sql("select id from counsellor where state = 'RINGING' and claim_expires <= ?")
			.param(time(now))
			.query(Long.class)
			.list();
	}

	/** On a call by our books while AMI says their phone is idle. */
	List<Long> onCallWithIdlePhone() {
		return jdbc.sql("select id from counsellor where state = 'ON_CALL' and device = 'IDLE'")
			.query(Long.class)
			.list();
	}

	/** Paused for the phone since before the cut-off, with no device state that says it is still so. */
	List<Long> phonePausesToRetry(Instant pausedBefore) {
		return jdbc.sql("""
				select id from counsellor where state = 'PAUSED' and pause_reason in (:reasons)
				  and state_since <= :before and device not in ('BUSY', 'UNREACHABLE')""")
			.param("reasons", List.of(CounsellorRow.PHONE_BUSY, CounsellorRow.PHONE_UNREACHABLE))
			.param("before", time(pausedBefore))
			.query(Long.class)
			.list();
	}

	/** Whether any counsellor is free, being rung, on a call or in wrap-up. */
	boolean anyoneOnDuty() {
		return jdbc.sql("""
				select count(*) from counsellor where state in ('AVAILABLE', 'RINGING', 'ON_CALL', 'WRAP_UP')""")
			.query(Long.class)
			.single() > 0;
	}

	Map<CounsellorState, Integer> countByState() {
		Map<CounsellorState, Integer> counts = new EnumMap<>(CounsellorState.class);
		for (CounsellorState state : CounsellorState.values()) {
			counts.put(state, 0);
		}
		jdbc.sql("select state, count(*) from counsellor group by state").query(rs -> {
			counts.put(CounsellorState.valueOf(rs.getString(1)), rs.getInt(2));
		});
		return counts;
	}

	Optional<Long> idByEndpoint(String endpoint) {
		return jdbc.sql("select id from counsellor where endpoint = ?").param(endpoint).query(Long.class).optional();
	}

	Optional<Long> idByUsername(String username) {
		return jdbc.sql("select id from counsellor where username = ?").param(username).query(Long.class).optional();
	}

	// --- configuration

	List<Counsellor> findAll() {
		return jdbc.sql("select id from counsellor order by display_name, id").query(Long.class).list().stream()
			.map(this::findCounsellor)
			.flatMap(Optional::stream)
			.toList();
	}

	Optional<Counsellor> findCounsellor(long id) {
		return jdbc.sql("select id, display_name, endpoint, external_number, username from counsellor where id = ?")
			.param(id)
			.query((rs, n) -> new Counsellor(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), skills(id, "group"), skills(id, "language")))
			.optional();
	}

	long insert(CounsellorSettings settings, Instant now) {
		return tx.execute(status -> {
			KeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into counsellor (display_name, endpoint, external_number, username, state, state_since)
					values (:name, :endpoint, :external, :username, 'SIGNED_OUT', :now)""")
				.param("name", settings.displayName())
				.param("endpoint", settings.endpoint())
				.param("external", settings.externalNumber())
				.param("username", settings.username())
				.param("now", time(now))
				.update(keys, "id");
			long id = Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
			replaceSkills(id, settings);
			return id;
		});
	}

	/**
	 * Changes how a counsellor is reached and what they take; their state is left alone, but
	 * what was known of an old phone is forgotten.
	 */
	void update(long id, CounsellorSettings settings, boolean newPhone) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("""
					update counsellor set display_name = :name, endpoint = :endpoint, external_number = :external,
					  username = :username, device = case when :newPhone then 'UNKNOWN' else device end
					where id = :id""")
				.param("newPhone", newPhone)
				.param("name", settings.displayName())
				.param("endpoint", settings.endpoint())
				.param("external", settings.externalNumber())
				.param("username", settings.username())
				.param("id", id)
				.update();
			replaceSkills(id, settings);
		});
	}

	boolean delete(long id) {
		return jdbc.sql("delete from counsellor where id = ?").param(id).update() == 1;
	}

	void link(String username, @Nullable Long counsellorId) {
		jdbc.sql("update counsellor set username = null where username = ?").param(username).update();
		if (counsellorId != null) {
			jdbc.sql("update counsellor set username = ? where id = ?").params(username, counsellorId).update();
		}
	}

	Map<String, Long> linkedAccounts() {
		Map<String, Long> linked = new HashMap<>();
		jdbc.sql("select username, id from counsellor where username is not null").query(rs -> {
			linked.put(rs.getString(1), rs.getLong(2));
		});
		return linked;
	}

	boolean userExists(String username) {
		return jdbc.sql("select count(*) from users where username = ?").param(username).query(Integer.class)
			.single() > 0;
	}

	private void replaceSkills(long id, CounsellorSettings settings) {
		jdbc.sql("delete from counsellor_skill where counsellor_id = ?").param(id).update();
		insertSkills(id, "group", settings.callerGroups());
		insertSkills(id, "language", settings.languages());
	}

	private void insertSkills(long id, String kind, Map<String, Integer> levels) {
		if (levels == null) {
			return;
		}
		levels.forEach((name, level) -> jdbc
			.sql("insert into counsellor_skill (counsellor_id, kind, name, level) values (?, ?, ?, ?)")
			.params(id, kind, name, level)
			.update());
	}

	private Map<String, Integer> skills(long id, String kind) {
		Map<String, Integer> levels = new LinkedHashMap<>();
		jdbc.sql("select name, level from counsellor_skill where counsellor_id = ? and kind = ? order by name")
			.params(id, kind)
			.query(rs -> {
				levels.put(rs.getString(1), rs.getInt(2));
			});
		return levels;
	}

	private void history(long id, CounsellorState state, @Nullable String reason, Instant now) {
		// Coarsened to the hour, like a contact record's start: a counsellor's ON_CALL and WRAP_UP
		// to the minute, with the record's counsellor, would date a call and its length, which a
		// carrier's call list could be lined up with (SECURITY.md). Staffing figures need no more.
		jdbc.sql("insert into counsellor_state_change (counsellor_id, at, state, reason) values (?, ?, ?, ?)")
			.params(Arrays.asList(id, time(historyTime(now)), state.name(), reason))
			.update();
	}

	private static Instant historyTime(Instant now) {
		return now.truncatedTo(ChronoUnit.HOURS);
	}

	private CounsellorRow row(ResultSet rs, int rowNum) throws SQLException {
		return new CounsellorRow(rs.getLong("id"), rs.getString("display_name"), rs.getString("endpoint"),
				rs.getString("external_number"), CounsellorState.valueOf(rs.getString("state")),
				rs.getString("pause_reason"), Objects.requireNonNull(instant(rs, "state_since")), instant(rs, "idle_since"),
				instant(rs, "wrap_up_until"), instant(rs, "claim_expires"), DeviceState.valueOf(rs.getString("device")),
				rs.getLong("ring_seq"), rs.getLong("version"));
	}

	private static SqlParameterValue time(@Nullable Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
				instant == null ? null : instant.atOffset(ZoneOffset.UTC));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	// Filled from each of a counsellor's rows by fill() before build() reads it.
	@SuppressWarnings("NullAway.Init")
	private static final class CandidateBuilder {

		private long id;

		private long version;

		private String displayName;

		private String endpoint;

		private @Nullable String externalNumber;

		private @Nullable Instant idleSince;

		private long ringSeq;

		private final Map<CallerGroup, Integer> groups = new HashMap<>();

		private final Map<Language, Integer> languages = new HashMap<>();

		void fill(ResultSet rs) throws SQLException {
			id = rs.getLong("id");
			version = rs.getLong("version");
			displayName = rs.getString("display_name");
			endpoint = rs.getString("endpoint");
			externalNumber = rs.getString("external_number");
			idleSince = instant(rs, "idle_since");
			ringSeq = rs.getLong("ring_seq");
			String kind = rs.getString("kind");
			if ("group".equals(kind)) {
				groups.put(CallerGroup.of(rs.getString("name")), rs.getInt("level"));
			}
			else if ("language".equals(kind)) {
				languages.put(Language.required(rs.getString("name")), rs.getInt("level"));
			}
		}

		Candidate build() {
			return new Candidate(id, version, displayName, endpoint, externalNumber, idleSince, ringSeq, groups,
					languages);
		}

	}

}
