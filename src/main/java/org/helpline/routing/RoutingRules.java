package org.helpline.routing;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The routing rules in force for one helpline (its stored settings, or the defaults).
 *
 * @param wideningSeconds waiting times after which the next skill level may take the call
 * @param waitForSignInSeconds how long a caller waits while no counsellor can take calls at all
 */
public record RoutingRules(long helplineId, String helpline, ZoneId zone, Strategy strategy, int ringTimeoutSeconds,
		int wrapUpSeconds, int maxWaitSeconds, int announcementSeconds, Announce announce,
		List<Integer> wideningSeconds, boolean whisper, int waitForSignInSeconds) {

	public RoutingRules {
		wideningSeconds = List.copyOf(wideningSeconds);
	}

	/** The highest skill level (1 … 3) that may take a caller who has waited this long. */
	int levelAfter(Duration waited) {
		int level = 1;
		for (int seconds : wideningSeconds) {
			if (waited.compareTo(Duration.ofSeconds(seconds)) >= 0) {
				level++;
			}
		}
		return level;
	}

	Duration maxWait() {
		return Duration.ofSeconds(maxWaitSeconds);
	}

	Duration waitForSignIn() {
		return Duration.ofSeconds(waitForSignInSeconds);
	}

	Duration announcementPeriod() {
		return Duration.ofSeconds(announcementSeconds);
	}

}
