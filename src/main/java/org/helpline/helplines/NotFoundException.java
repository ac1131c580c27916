package org.helpline.helplines;

/** What a request names does not exist (any more): a helpline, counsellor, contact, menu version, prompt or account. */
public class NotFoundException extends RuntimeException {

	/** @param what says what is missing, e.g. "helpline 7 does not exist" */
	public NotFoundException(String what) {
		super(what);
	}

}
