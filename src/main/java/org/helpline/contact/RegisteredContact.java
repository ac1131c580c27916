package org.helpline.contact;

import java.time.LocalDate;
import java.util.List;

/**
 * A contact moment that did not come by phone, registered by a counsellor. Values arrive
 * unchecked so every bad field can be named.
 *
 * @param channel {@code email} or {@code chat}
 * @param date the day of the contact, in the helpline's time zone
 * @param personKey optional: anything that recognises the same person again within the year
 * (e.g. the address an e-mail came from). Only its pseudonym is stored.
 */
public record RegisteredContact(Long helplineId, String channel, LocalDate date, String callerGroup, String language,
		String personKey, List<String> topics, String referral, Boolean returningCaller) {

}
