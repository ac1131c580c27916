package org.helpline.web;

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

}
