package org.helpline.counsellors;

/**
 * A counsellor's state change asked for while the database is away: not made yet, but kept and
 * made (in the order asked) as soon as the database is back, unless it no longer fits then.
 */
public class ChangeKeptException extends RuntimeException {

	ChangeKeptException() {
		super("the database is away; the change is kept and made as soon as it is back");
	}

}
