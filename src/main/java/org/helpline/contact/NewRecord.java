package org.helpline.contact;

import java.time.LocalDateTime;
import java.util.List;

import org.helpline.privacy.Pseudonym;

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
record NewRecord(long helplineId, Channel channel, String source, LocalDateTime startedLocal, Integer hourOfWeek,
		String callerGroup, String language, Integer waitingSeconds, Integer ringingSeconds, Integer talkSeconds,
		Integer durationResolutionSeconds, Boolean answeredWithinServiceLevel, Integer serviceLevelSeconds,
		Long counsellorId, CallOutcome outcome, boolean contactMoment, boolean withheld, Pseudonym pseudonym,
		Boolean returningCaller, String referral, boolean wrappedUp, List<String> topics) {

	NewRecord {
		topics = List.copyOf(topics);
	}

	/**
	 * A contact without call times (e-mail, chat, an imported row).
	 * @throws IllegalArgumentException if a duration is given after all: only a call's
	 * durations are kept, and only bucketed
	 */
	NewRecord(long helplineId, Channel channel, String source, LocalDateTime startedLocal, Integer hourOfWeek,
			String callerGroup, String language, Integer waitingSeconds, Integer ringingSeconds, Integer talkSeconds,
			Long counsellorId, CallOutcome outcome, boolean contactMoment, boolean withheld, Pseudonym pseudonym,
			Boolean returningCaller, String referral, boolean wrappedUp, List<String> topics) {
		this(helplineId, channel, source, startedLocal, hourOfWeek, callerGroup, language,
				none(waitingSeconds, ringingSeconds, talkSeconds), null, null, null, null, null, counsellorId, outcome,
				contactMoment, withheld, pseudonym, returningCaller, referral, wrappedUp, topics);
	}

	private static Integer none(Integer... durations) {
		for (Integer duration : durations) {
			if (duration != null) {
				throw new IllegalArgumentException("a contact without call times has no durations");
			}
		}
		return null;
	}

}
