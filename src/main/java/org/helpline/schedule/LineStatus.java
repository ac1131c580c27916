package org.helpline.schedule;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the line is open at one instant.
 */
public sealed interface LineStatus {

	default boolean isOpen() {
		return this instanceof Open;
	}

	/**
	 * @param closesAt end of the current uninterrupted open period; for a line that never
	 * closes this is the end of the search horizon (about 400 days ahead)
	 */
	record Open(ZonedDateTime closesAt) implements LineStatus {

		public Open {
			Objects.requireNonNull(closesAt, "closesAt");
		}

	}

	/**
	 * {@code holidayKey} is present exactly when the reason is
	 * {@link ClosedReason#PUBLIC_HOLIDAY}, {@code closure} exactly when it is
	 * {@link ClosedReason#CLOSURE}. {@code opensAt} is empty when the line does not open
	 * within the search horizon.
	 */
	record Closed(ClosedReason reason, Optional<ZonedDateTime> opensAt, Optional<String> holidayKey,
			Optional<Closure> closure) implements LineStatus {

		public Closed {
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(opensAt, "opensAt");
			Objects.requireNonNull(holidayKey, "holidayKey");
			Objects.requireNonNull(closure, "closure");
		}

	}

}
