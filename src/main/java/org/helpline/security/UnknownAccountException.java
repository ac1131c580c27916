package org.helpline.security;

/** Thrown when an administrator names an account that does not exist. */
public class UnknownAccountException extends RuntimeException {

	UnknownAccountException(String username) {
		super("account '" + username + "' does not exist");
	}

}
