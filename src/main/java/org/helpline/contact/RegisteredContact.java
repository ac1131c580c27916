package org.helpline.contact;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A contact moment that did not come by phone, registered by a counsellor. Values arrive
 * unchecked so every bad field can be named.
 *
 * @param channel {@code email} or {@code chat}
 * @param date the day of the contact, in the helpline's time zone
 * @param personKey optional: anything that recognises the same person again within the year
 * (e.g. the address an e-mail came from). Only its pseudonym is stored; {@link #toString()}
 * does not show it.
 */
public record RegisteredContact(@Nullable Long helplineId, String channel, @Nullable LocalDate date,
		@Nullable String callerGroup, @Nullable String language, @Nullable String personKey, List<String> topics,
		@Nullable String referral, @Nullable Boolean returningCaller) {

	/** Never the person key: it names someone as surely as a phone number. */
	@Override
	public String toString() {
		return "RegisteredContact[helplineId=" + helplineId + ", channel=" + channel + ", date=" + date
				+ ", callerGroup=" + callerGroup + ", language=" + language + ", personKey="
				+ (personKey == null ? null : "***") + ", topics=" + topics + ", referral=" + referral
				+ ", returningCaller=" + returningCaller + "]";
	}

}
