package org.helpline.contact;

/** Thrown for a contact record that does not exist (or was reduced to sums by retention). */
public class UnknownContactException extends RuntimeException {

	UnknownContactException(long id) {
		super("contact " + id + " does not exist");
	}

}
