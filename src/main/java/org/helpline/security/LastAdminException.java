package org.helpline.security;

import java.util.Objects;

/** Refuses a change that would leave nobody able to manage accounts. */
public class LastAdminException extends RuntimeException {

	LastAdminException(String username) {
		super("'" + username + "' is the last enabled administrator; make another account ADMIN first");
	}

	/** Always given: it tells the operator what to do instead. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
