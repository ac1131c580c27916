package org.helpline.counsellors;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A counsellor's state as a counsellor or the live board sees it.
 *
 * @param reason why the counsellor is in this state (the pause reason, "no answer", "signed in"…)
 * @param wrapUpUntil when wrap-up ends by itself; {@code null} outside wrap-up
 */
public record CounsellorStatus(long id, String displayName, CounsellorState state, @Nullable String reason, Instant since,
		@Nullable Instant wrapUpUntil, DeviceState device) {

}
