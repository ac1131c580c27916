package org.helpline.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * What a counsellor may know of the caller they are talking to: never a number.
 *
 * @param callerGroup the caller's menu choice; null when they chose none
 * @param waited how long the caller waited before this counsellor answered
 * @param tag whether the caller is new this year or how often they called, from their pseudonym
 * @param contactId the contact record, once the call has ended and its record is written
 */
public record CurrentCall(String callerGroup, String language, Duration waited, String tag, Instant answeredAt,
		Long contactId) {

	CurrentCall ended(long contact) {
		return new CurrentCall(callerGroup, language, waited, tag, answeredAt, contact);
	}

}
