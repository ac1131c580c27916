package org.helpline.counsellors;

/** Thrown when a counsellor (or the counsellor of a login) does not exist. */
public class UnknownCounsellorException extends RuntimeException {

	UnknownCounsellorException(String what) {
		super(what);
	}

}
