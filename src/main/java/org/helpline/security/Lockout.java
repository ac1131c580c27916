package org.helpline.security;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks an account after too many failed logins within a window, for form login and HTTP
 * Basic alike, in the database every instance shares. Only existing accounts are counted:
 * the rows have foreign keys to {@code users}, so guessing usernames stores nothing.
 */
@Service
class Lockout {

	private static final Logger log = LoggerFactory.getLogger(Lockout.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccountProperties.Lockout settings;

	private final TransactionTemplate ownTransaction;

	Lockout(JdbcClient jdbc, Clock clock, AccountProperties properties, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.lockout();
		// A failure must count even when the request that saw it rolls back.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		failed(event.getAuthentication().getName());
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		reset(event.getAuthentication().getName());
	}

	/** Counts a wrong password for this account; the one that reaches the limit locks it. */
	void failed(String username) {
		ownTransaction.executeWithoutResult(status -> {
			// Locking the account's row makes concurrent failures, on any instance, count one by one.
			boolean exists = jdbc.sql("select username from users where username = ? for update")
				.param(username)
				.query(String.class)
				.optional()
				.isPresent();
			if (!exists) {
				return;
			}
			Instant now = clock.instant();
			jdbc.sql("delete from login_failure where username = ? and at <= ?")
				.param(username)
				.param(time(now.minus(settings.window())))
				.update();
			jdbc.sql("insert into login_failure (username, at) values (?, ?)").param(username).param(time(now)).update();
			int failures = jdbc.sql("select count(*) from login_failure where username = ?")
				.param(username)
				.query(Integer.class)
				.single();
			if (failures >= settings.maxFailures()) {
				Instant until = now.plus(settings.duration());
				jdbc.sql("delete from login_failure where username = ?").param(username).update();
				jdbc.sql("delete from account_lock where username = ?").param(username).update();
				jdbc.sql("insert into account_lock (username, locked_until) values (?, ?)")
					.param(username)
					.param(time(until))
					.update();
				log.warn("Account '{}' locked until {} after {} failed logins", username, until, failures);
			}
		});
	}

	boolean isLocked(String username) {
		return jdbc.sql("select count(*) from account_lock where username = ? and locked_until > ?")
			.param(username)
			.param(time(clock.instant()))
			.query(Integer.class)
			.single() > 0;
	}

	/** Accounts locked right now. */
	Set<String> locked() {
		return new TreeSet<>(jdbc.sql("select username from account_lock where locked_until > ?")
			.param(time(clock.instant()))
			.query(String.class)
			.list());
	}

	/** Forgets the account's failures and lifts its lock: after a successful login, or by an administrator. */
	void reset(String username) {
		jdbc.sql("delete from login_failure where username = ?").param(username).update();
		jdbc.sql("delete from account_lock where username = ?").param(username).update();
	}

	private static SqlParameterValue time(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

}
