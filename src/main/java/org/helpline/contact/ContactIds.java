package org.helpline.contact;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Ids of contact records, drawn at random: an id from a sequence (or a time-ordered one) would
 * tell in which order calls ended, and so which record is which line of the carrier's call
 * list within an hour.
 */
final class ContactIds {

	/**
	 * 2^53 - 1: clients that read JSON numbers as doubles (JavaScript, jq) keep every id exact.
	 * With a million records stored, a drawn id is taken once in 9 * 10^9 draws; it is then
	 * drawn again.
	 */
	static final long MAX = (1L << 53) - 1;

	private static final RandomGenerator RANDOM = new SecureRandom();

	private ContactIds() {
	}

	/** A random id from 1 to {@link #MAX}; the caller makes sure it is not taken. */
	static long next() {
		return 1 + RANDOM.nextLong(MAX);
	}

}
