package org.helpline.helplines;

/** Thrown when an operator names a helpline, closure or special opening that does not exist. */
public class UnknownHelplineException extends RuntimeException {

	UnknownHelplineException(String what) {
		super(what + " does not exist");
	}

}
