package org.helpline.counsellors;

import java.util.Objects;

/** A state change that makes no sense in the counsellor's current state (e.g. pause while on a call). */
public class StateConflictException extends RuntimeException {

	StateConflictException(String message) {
		super(message);
	}

	/** Always given: it names the state that stood in the way. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
