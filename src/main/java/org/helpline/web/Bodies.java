package org.helpline.web;

import java.util.Objects;

/** Request bodies that are {@code null} (e.g. the JSON literal null) are a client error. */
final class Bodies {

	private Bodies() {
	}

	static <T> T required(T body) {
		if (body == null) {
			throw new MissingBodyException();
		}
		return body;
	}

	static class MissingBodyException extends RuntimeException {

		MissingBodyException() {
			super("a request body is required");
		}

		/** Always given: it is what the caller of the API reads. */
		@Override
		public String getMessage() {
			return Objects.requireNonNull(super.getMessage());
		}

	}

}
