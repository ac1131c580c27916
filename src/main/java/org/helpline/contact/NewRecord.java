package org.helpline.contact;

import java.time.LocalDateTime;
import java.util.List;

import org.helpline.privacy.Pseudonym;

/**
 * One contact as it will be stored: already coarsened and pseudonymised. Nullable fields are
 * simply unknown.
 *
 * @param source {@code call}, {@code registered} (e-mail/chat by a counsellor) or {@code import}
 */
record NewRecord(long helplineId, Channel channel, String source, LocalDateTime startedLocal, Integer hourOfWeek,
		String callerGroup, String language, Integer waitingSeconds, Integer ringingSeconds, Integer talkSeconds,
		Long counsellorId, CallOutcome outcome, boolean contactMoment, boolean withheld, Pseudonym pseudonym,
		Boolean returningCaller, String referral, boolean wrappedUp, List<String> topics) {

	NewRecord {
		topics = List.copyOf(topics);
	}

}
