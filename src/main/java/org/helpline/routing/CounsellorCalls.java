package org.helpline.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.contact.CallRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The call each counsellor is on, and the contact record of the one they ended last (what their
 * wrap-up form is about), the same on every node: kept in the database, written behind the call
 * so that a slow or absent database never holds a call up. What is not written yet is retried on
 * every routing re-check and read from this node's memory meanwhile.
 */
@Component
public class CounsellorCalls {

	private static final Logger log = LoggerFactory.getLogger(CounsellorCalls.class);

	/** What this node last learned of a counsellor's calls; {@code last} null: not known here. */
	private record Known(CurrentCall current, Long last) {
	}

	private final JdbcClient jdbc;

	private final Map<Long, Known> known = new ConcurrentHashMap<>();

	private final Map<Long, Known> unwritten = new ConcurrentHashMap<>();

	private final ExecutorService writer = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("counsellor-calls").factory());

	CounsellorCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CurrentCall> current(long counsellorId) {
		return read(counsellorId).map(Known::current);
	}

	/** The contact record of the call that ended most recently: what the wrap-up is about. */
	public Optional<Long> lastContact(long counsellorId) {
		return read(counsellorId).map(Known::last);
	}

	public void answered(long counsellorId, CurrentCall call) {
		change(counsellorId, new Known(call, known.getOrDefault(counsellorId, new Known(null, null)).last()));
	}

	public void ended(long counsellorId, long contactId) {
		change(counsellorId, new Known(null, contactId));
	}

	/** The record of a call a counsellor answered is what their wrap-up is about. */
	@EventListener
	void recorded(CallRecorded call) {
		if (call.counsellorId() != null) {
			ended(call.counsellorId(), call.contactId());
		}
	}

	/** Writes what could not be written before (the database was away). */
	synchronized void writeUnwritten() {
		unwritten.forEach((counsellorId, calls) -> {
			try {
				write(counsellorId, calls);
				unwritten.remove(counsellorId, calls);
			}
			catch (DuplicateKeyException anotherNodeFirst) {
				// written by another node this instant: the next try updates its row
			}
			catch (DataIntegrityViolationException removed) {
				unwritten.remove(counsellorId, calls);
			}
			catch (DataAccessException ex) {
				log.debug("Counsellor {}: their call is not stored yet ({})", counsellorId, ex.getClass().getSimpleName());
			}
		});
	}

	@PreDestroy
	void stop() {
		writer.shutdownNow();
	}

	private void change(long counsellorId, Known calls) {
		known.put(counsellorId, calls);
		unwritten.put(counsellorId, calls);
		try {
			writer.execute(this::writeUnwritten);
		}
		catch (RejectedExecutionException shuttingDown) {
			// written by nobody: this node is going away, and the call with it
		}
	}

	private Optional<Known> read(long counsellorId) {
		Known mine = unwritten.get(counsellorId);
		if (mine != null) {
			return Optional.of(mine);
		}
		try {
			return jdbc.sql("""
					select caller_group, language, waited_seconds, tag, answered_at, last_contact_id
					from counsellor_call where counsellor_id = ?""")
				.param(counsellorId)
				.query(CounsellorCalls::known)
				.optional();
		}
		catch (DataAccessException ex) {
			return Optional.ofNullable(known.get(counsellorId));
		}
	}

	/** A call this node did not see end keeps the contact record another node stored. */
	private void write(long counsellorId, Known calls) {
		CurrentCall call = calls.current();
		Object[] values = { call == null ? null : Objects.toString(call.callerGroup(), null),
				call == null ? null : Objects.toString(call.language(), null),
				call == null || call.waited() == null ? null : call.waited().toSeconds(), call == null ? null : call.tag(),
				call == null || call.answeredAt() == null ? null : call.answeredAt().atOffset(ZoneOffset.UTC),
				calls.last(), counsellorId };
		int updated = jdbc.sql("""
				update counsellor_call set caller_group = ?, language = ?, waited_seconds = ?, tag = ?, answered_at = ?,
				  last_contact_id = coalesce(?, last_contact_id)
				where counsellor_id = ?""").params(values).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into counsellor_call (caller_group, language, waited_seconds, tag, answered_at, last_contact_id,
					  counsellor_id) values (?, ?, ?, ?, ?, ?, ?)""").params(values).update();
		}
	}

	private static Known known(ResultSet row, int number) throws SQLException {
		OffsetDateTime answeredAt = row.getObject("answered_at", OffsetDateTime.class);
		long waited = row.getLong("waited_seconds");
		Duration waitedFor = row.wasNull() ? null : Duration.ofSeconds(waited);
		CurrentCall current = answeredAt == null ? null : new CurrentCall(CallerGroup.of(row.getString("caller_group")),
				Language.of(row.getString("language")), waitedFor, row.getString("tag"), answeredAt.toInstant());
		long last = row.getLong("last_contact_id");
		return new Known(current, row.wasNull() ? null : last);
	}

}
