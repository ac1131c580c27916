package org.helpline.helplines;

import java.util.Objects;

/** What a request names does not exist (any more): a helpline, counsellor, contact, menu version, prompt or account. */
public class NotFoundException extends RuntimeException {

	/** @param what says what is missing, e.g. "helpline 7 does not exist" */
	public NotFoundException(String what) {
		super(what);
	}

	/** Always given: it says what is missing. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
