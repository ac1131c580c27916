package org.helpline.routing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an operator sends to set a helpline's routing rules. A {@code null} value means the
 * default; values arrive unchecked so that every bad field can be named.
 *
 * @param strategy LONGEST_IDLE, ROUND_ROBIN or FEWEST_CALLS_TODAY
 * @param announce POSITION, ESTIMATE, BOTH or NONE
 * @param wideningSeconds after how many seconds of waiting level-2 (first entry) and level-3
 * (second entry) counsellors may take the call too
 * @param waitForSignInSeconds how long a caller waits for someone to sign in when, on an open
 * line, no counsellor is signed in or all are paused; 0 tells them at once that nobody can take
 * the call
 */
public record RoutingSettings(@Nullable String strategy, @Nullable Integer ringTimeoutSeconds,
		@Nullable Integer wrapUpSeconds, @Nullable Integer maxWaitSeconds, @Nullable Integer announcementSeconds,
		@Nullable String announce, List<Integer> wideningSeconds, @Nullable Boolean whisper,
		@Nullable Integer waitForSignInSeconds) {

	/** Without a sign-in wait: the default. */
	public RoutingSettings(@Nullable String strategy, @Nullable Integer ringTimeoutSeconds,
			@Nullable Integer wrapUpSeconds, @Nullable Integer maxWaitSeconds, @Nullable Integer announcementSeconds,
			@Nullable String announce, List<Integer> wideningSeconds, @Nullable Boolean whisper) {
		this(strategy, ringTimeoutSeconds, wrapUpSeconds, maxWaitSeconds, announcementSeconds, announce,
				wideningSeconds, whisper, null);
	}

}
