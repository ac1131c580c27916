package org.helpline.system;

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
				|| ex instanceof TransactionSystemException;
	}

}
