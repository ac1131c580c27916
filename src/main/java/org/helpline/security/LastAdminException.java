package org.helpline.security;

/** Refuses a change that would leave nobody able to manage accounts. */
public class LastAdminException extends RuntimeException {

	LastAdminException(String username) {
		super("'" + username + "' is the last enabled administrator; make another account ADMIN first");
	}

}
