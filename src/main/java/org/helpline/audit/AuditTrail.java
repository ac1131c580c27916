package org.helpline.audit;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every change staff make to the helpline's configuration: who, when, and the
 * thing before and after. The domain service that makes a change records it, so a change has
 * one shape whether it came from the API or a page. The actor is whoever is signed in on this thread; changes made by
 * the service itself are recorded as {@code system}.
 */
@Service
public class AuditTrail {

	static final String SYSTEM = "system";

	private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records one change. Joins the caller's transaction when there is one, so a change that
	 * rolls back leaves no entry.
	 * @param before the thing before the change (null when created); serialised as JSON
	 * @param after the thing after the change (null when removed); serialised as JSON
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String subject, Object subjectId, String action, @Nullable Object before, @Nullable Object after) {
		recordAs(actor(), subject, subjectId, action, before, after);
	}

	/**
	 * Makes changes the service makes on its own behalf, audited under a name of its own (the
	 * example data of a first start: {@code seed}) so they are told apart from staff's.
	 */
	public <T> T as(String actor, Supplier<T> changes) {
		ACTING.set(actor);
		try {
			return changes.get();
		}
		finally {
			ACTING.remove();
		}
	}

	private void recordAs(String actor, String subject, Object subjectId, String action, @Nullable Object before,
			@Nullable Object after) {
		jdbc.sql("""
				insert into audit_entry (at, actor, subject, subject_id, action, before_value, after_value)
				values (:at, :actor, :subject, :subjectId, :action, :before, :after)""")
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.param("actor", actor)
			.param("subject", subject)
			.param("subjectId", subjectId == null ? null : subjectId.toString())
			.param("action", action)
			.param("before", before == null ? null : json.writeValueAsString(before))
			.param("after", after == null ? null : json.writeValueAsString(after))
			.update();
	}

	/** The newest entries first, optionally of one subject only. */
	public List<AuditEntry> latest(@Nullable String subject, int limit) {
		return jdbc.sql("""
				select id, at, actor, subject, subject_id, action, before_value, after_value from audit_entry
				where (cast(:subject as varchar) is null or subject = :subject)
				order by id desc limit :limit""")
			.param("subject", subject)
			.param("limit", limit)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("actor"), rs.getString("subject"), rs.getString("subject_id"),
					rs.getString("action"), rs.getString("before_value"), rs.getString("after_value")))
			.list();
	}

	/** Every subject the trail has an entry of, for choosing one. */
	public List<String> subjects() {
		return jdbc.sql("select distinct subject from audit_entry order by subject").query(String.class).list();
	}

	private static String actor() {
		if (ACTING.get() != null) {
			return ACTING.get();
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
	}

}
