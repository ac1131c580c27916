package org.helpline.schedule;

import java.time.Instant;

/**
 * A period on the time line, end exclusive.
 */
record InstantRange(Instant start, Instant end) {

	boolean contains(Instant t) {
		return !t.isBefore(this.start) && t.isBefore(this.end);
	}

}
