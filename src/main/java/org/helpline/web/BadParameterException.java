package org.helpline.web;

import java.util.Objects;

/** A request parameter that could not be understood; the message names it. */
class BadParameterException extends RuntimeException {

	private final String parameter;

	BadParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	String parameter() {
		return parameter;
	}

	/** Always given: it is what the caller of the API reads. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

}
