package org.helpline.database;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a database that is away or slow from one that refuses a write: only the first is worth waiting out. */
public final class DatabaseAway {

	private DatabaseAway() {
	}

	/**
	 * The database is away or slow, not refusing this write. (A transaction that cannot begin, or
	 * whose rollback fails on a dead connection, says so with Spring's transaction exceptions.)
	 */
	public static boolean isPassing(RuntimeException ex) {
		return ex instanceof TransientDataAccessException || ex instanceof DataAccessResourceFailureException
				|| ex instanceof RecoverableDataAccessException || ex instanceof CannotCreateTransactionException
				|| ex instanceof TransactionSystemException || passingState(ex);
	}

	/**
	 * What Spring leaves uncategorised: a lock not had in time (55P03, another node froze holding
	 * it), a statement cancelled (57014) or a server shutting down (57P01), too many connections
	 * (53300), a lost connection (08…).
	 */
	private static boolean passingState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				return state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
						|| state.equals("55P03") || state.equals("40001") || state.equals("40P01");
			}
		}
		return false;
	}

}
