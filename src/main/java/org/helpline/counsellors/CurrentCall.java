package org.helpline.counsellors;

import java.time.Duration;
import java.time.Instant;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.jspecify.annotations.Nullable;

/**
 * What a counsellor may know of the caller they are talking to: never a number.
 *
 * @param callerGroup the caller's menu choice; null when they chose none
 * @param waited how long the caller waited before this counsellor answered (whole seconds)
 * @param tag whether the caller is new this year or how often they called, from their pseudonym
 */
public record CurrentCall(@Nullable CallerGroup callerGroup, Language language, @Nullable Duration waited,
		@Nullable String tag, Instant answeredAt) {

}
