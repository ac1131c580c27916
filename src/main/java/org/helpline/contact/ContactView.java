package org.helpline.contact;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored contact as counsellors see it for the wrap-up. There is no number and no exact
 * time to show: {@code startedAround} is the coarsened local start.
 *
 * @param waitingSeconds like ringing and talk: the start of the duration's bucket, which is
 * {@code durationResolutionSeconds} wide (null without durations)
 * @param identified whether the contact has a pseudonym (and so counts as a person by itself)
 * @param returningCaller the counsellor's mark for a contact without pseudonym: true if the
 * person contacted the helpline before, false if this is their first contact, null if not
 * asked
 * @param counsellorId who took the call or registered the contact, if known: counsellors open
 * and wrap up only their own
 */
public record ContactView(long id, long helplineId, String channel, LocalDateTime startedAround, @Nullable String callerGroup,
		@Nullable String language, @Nullable String outcome, @Nullable Integer waitingSeconds, @Nullable Integer ringingSeconds, @Nullable Integer talkSeconds,
		@Nullable Integer durationResolutionSeconds, boolean contactMoment, boolean withheld, boolean identified,
		List<String> topics, @Nullable String referral, @Nullable Boolean returningCaller, boolean wrappedUp, @Nullable Long counsellorId) {

}
