package org.helpline.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The callers each service node holds, shared through the database so that every node sees one
 * queue: a node publishes its own callers (every routing re-check, and soon after a change) and
 * reads the others'. A node that stopped publishing (killed, frozen) is left out after
 * {@code staleAfter}; its callers re-join elsewhere with their original entry time.
 */
@Repository
class OtherNodes {

	/** This process; a restarted node is a new one, and its old rows go stale. */
	private final String node = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	/** For the batch: a node's callers are written in one round trip, not one per caller. */
	private final JdbcTemplate batches;

	private final TransactionTemplate tx;

	OtherNodes(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = JdbcClient.create(dataSource);
		this.batches = new JdbcTemplate(dataSource);
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * One caller in a node's queue: never a number, a pseudonym or Asterisk's call id.
	 * @param language null when a node wrote one this node does not know (any counsellor then)
	 */
	record Waiting(String id, long helplineId, @Nullable CallerGroup callerGroup, @Nullable Language language,
			Instant enteredAt,
			boolean offered, Instant seenAt) {

		/** The same caller, re-joined on another node with their entry time (kept to the millisecond). */
		boolean isSameCallerAs(long helpline, Instant entered) {
			return helplineId == helpline && enteredAt.toEpochMilli() == entered.toEpochMilli();
		}

	}

	/** Replaces this node's callers with these, and removes what dead nodes left behind long ago. */
	void publish(List<Waiting> mine, Instant now, Duration keep) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("delete from waiting_caller where node_id = ? or seen_at < ?")
				.params(node, at(now.minus(keep)))
				.update();
			batches.batchUpdate("""
					insert into waiting_caller (id, node_id, helpline_id, caller_group, language, entered_at,
					  offered, seen_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", mine.stream()
				.map(waiting -> new @Nullable Object[] { waiting.id(), node, waiting.helplineId(),
						Objects.toString(waiting.callerGroup(), null), Objects.toString(waiting.language(), null),
						at(waiting.enteredAt()), waiting.offered(), at(now) })
				.toList());
		});
	}

	/** The callers of the other nodes that published since {@code within} ago, longest waiting first. */
	List<Waiting> others(Instant now, Duration within) {
		return jdbc.sql("""
				select id, helpline_id, caller_group, language, entered_at, offered, seen_at from waiting_caller
				where node_id <> ? and seen_at >= ? order by entered_at, id""")
			.params(node, at(now.minus(within)))
			.query(OtherNodes::waiting)
			.list();
	}

	private static Waiting waiting(ResultSet row, int number) throws SQLException {
		return new Waiting(row.getString("id"), row.getLong("helpline_id"),
				CallerGroup.parse(row.getString("caller_group")).orElse(null),
				Language.parse(row.getString("language")).orElse(null), row.getObject("entered_at", OffsetDateTime.class).toInstant(),
				row.getBoolean("offered"), row.getObject("seen_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
