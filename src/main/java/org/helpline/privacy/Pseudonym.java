package org.helpline.privacy;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A caller's keyed hash for one year: equal for the same person within that year, unrelated
 * across years and helplines' years. Never shown in logs.
 */
public final class Pseudonym {

	private final byte[] value;

	private Pseudonym(byte[] value) {
		this.value = value.clone();
	}

	/** Restores a pseudonym read back from storage. */
	public static Pseudonym of(byte[] value) {
		if (value == null || value.length != 32) {
			throw new IllegalArgumentException("a pseudonym is 32 bytes");
		}
		return new Pseudonym(value);
	}

	public byte[] bytes() {
		return value.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Pseudonym that && MessageDigest.isEqual(value, that.value);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(value);
	}

	@Override
	public String toString() {
		return "Pseudonym[***]";
	}

}
