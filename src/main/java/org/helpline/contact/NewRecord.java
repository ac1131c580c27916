package org.helpline.contact;

import java.time.LocalDateTime;
import java.util.List;

import org.helpline.privacy.Pseudonym;
import org.jspecify.annotations.Nullable;

/**
 * One contact as it will be stored: already coarsened and pseudonymised. Nullable fields are
 * simply unknown.
 *
 * @param source {@code call}, {@code registered} (e-mail/chat by a counsellor) or {@code import}
 * @param waitingSeconds like ringing and talk: the start of the duration's bucket
 * @param durationResolutionSeconds the width of those buckets; null without durations
 * @param answeredWithinServiceLevel decided on the exact wait before it was coarsened; null
 * unless the call was answered after a known wait
 * @param serviceLevelSeconds the target that decision was made against
 */
record NewRecord(long helplineId, Channel channel, String source, LocalDateTime startedLocal, @Nullable Integer hourOfWeek,
		@Nullable String callerGroup, @Nullable String language, @Nullable Integer waitingSeconds, @Nullable Integer ringingSeconds, @Nullable Integer talkSeconds,
		@Nullable Integer durationResolutionSeconds, @Nullable Boolean answeredWithinServiceLevel, @Nullable Integer serviceLevelSeconds,
		@Nullable Long counsellorId, @Nullable CallOutcome outcome, boolean contactMoment, boolean withheld, @Nullable Pseudonym pseudonym,
		@Nullable Boolean returningCaller, @Nullable String referral, boolean wrappedUp, List<String> topics) {

	NewRecord {
		topics = List.copyOf(topics);
	}

	/**
	 * A contact without call times (e-mail, chat, an imported row).
	 * @throws IllegalArgumentException if a duration is given after all: only a call's
	 * durations are kept, and only bucketed
	 */
	NewRecord(long helplineId, Channel channel, String source, LocalDateTime startedLocal, @Nullable Integer hourOfWeek,
			@Nullable String callerGroup, @Nullable String language, @Nullable Integer waitingSeconds, @Nullable Integer ringingSeconds, @Nullable Integer talkSeconds,
			@Nullable Long counsellorId, @Nullable CallOutcome outcome, boolean contactMoment, boolean withheld, @Nullable Pseudonym pseudonym,
			@Nullable Boolean returningCaller, @Nullable String referral, boolean wrappedUp, List<String> topics) {
		this(helplineId, channel, source, startedLocal, hourOfWeek, callerGroup, language,
				none(waitingSeconds, ringingSeconds, talkSeconds), null, null, null, null, null, counsellorId, outcome,
				contactMoment, withheld, pseudonym, returningCaller, referral, wrappedUp, topics);
	}

	private static @Nullable Integer none(@Nullable Integer... durations) {
		for (Integer duration : durations) {
			if (duration != null) {
				throw new IllegalArgumentException("a contact without call times has no durations");
			}
		}
		return null;
	}

}
