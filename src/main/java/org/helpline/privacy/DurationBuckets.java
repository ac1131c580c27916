package org.helpline.privacy;

import java.time.Duration;

/**
 * Coarsens how long a part of a call took (waiting, ringing, talking). The carrier's list of
 * the free number has every call's exact duration next to the caller's number; a record that
 * kept exact seconds would match one line of it, and give away the caller's pseudonym. A
 * record keeps the start of the duration's bucket: the value lies in
 * {@code [start, start + resolution)}.
 */
public final class DurationBuckets {

	private static final Duration LONGEST = Duration.ofMinutes(10);

	private final int seconds;

	/**
	 * @param resolution whole seconds, from 1 s to 10 min
	 */
	public DurationBuckets(Duration resolution) {
		if (resolution.isNegative() || resolution.isZero() || resolution.compareTo(LONGEST) > 0
				|| resolution.toNanosPart() != 0) {
			throw new IllegalArgumentException(
					"helpline.privacy.duration-resolution must be whole seconds from 1s to 10m, not " + resolution);
		}
		this.seconds = (int) resolution.toSeconds();
	}

	/** The width of a bucket in seconds, stored beside the durations it was applied to. */
	public int seconds() {
		return seconds;
	}

	/**
	 * @param wholeSeconds a duration already rounded to whole seconds, not negative
	 * @return the start of its bucket, in seconds
	 */
	public int bucket(int wholeSeconds) {
		return wholeSeconds / seconds * seconds;
	}

}
