package org.helpline.contact;

import java.time.Duration;
import java.time.Instant;

import org.helpline.privacy.CallerNumber;
import org.jspecify.annotations.Nullable;

/**
 * Everything known about one call when it ends, handed over by the call flow. Times are exact
 * here; only coarsened values are stored. {@link #toString()} shows no number.
 *
 * @param callerGroup the menu choice, e.g. {@code SELF}, {@code PARTNER_FAMILY},
 * {@code PROFESSIONAL}, {@code OTHER}; null if the caller chose none
 * @param language {@code nl} or {@code en}
 * @param counsellorId who answered; null if nobody did
 * @param channel {@code phone}
 */
public record CompletedCall(long helplineId, Instant startedAt, CallerNumber caller, @Nullable String callerGroup, @Nullable String language,
		@Nullable Duration waiting, @Nullable Duration ringing, @Nullable Duration talk, @Nullable Long counsellorId, CallOutcome outcome, String channel) {

}
