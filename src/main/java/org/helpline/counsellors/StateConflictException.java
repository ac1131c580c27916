package org.helpline.counsellors;

/** A state change that makes no sense in the counsellor's current state (e.g. pause while on a call). */
public class StateConflictException extends RuntimeException {

	StateConflictException(String message) {
		super(message);
	}

}
