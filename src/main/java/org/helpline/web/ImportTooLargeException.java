package org.helpline.web;

/** A CSV import larger than {@code helpline.import.max-size}. */
class ImportTooLargeException extends RuntimeException {

	ImportTooLargeException(long maxBytes) {
		super("the file is larger than " + maxBytes + " bytes (helpline.import.max-size)");
	}

}
