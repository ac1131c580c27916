package org.helpline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set and move by hand, so opening hours are tested at the moments that matter. */
public class TestClock extends Clock {

	private volatile Instant now = Instant.parse("2027-01-05T09:00:00Z");

	private volatile long tickingSince = -1;

	/** Stops the clock at this instant. */
	public void set(Instant instant) {
		now = instant;
		tickingSince = -1;
	}

	/** Starts at this instant and runs at real speed, for tests that wait for real. */
	public void setTicking(Instant instant) {
		now = instant;
		tickingSince = System.nanoTime();
	}

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	@Override
	public Instant instant() {
		long since = tickingSince;
		return since < 0 ? now : now.plusNanos(System.nanoTime() - since);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("domain code uses the helpline's zone explicitly");
	}

}
