package org.helpline.telephony;

import org.helpline.routing.Offer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dialplan reaches a counsellor's phone: Asterisk's dial strings are the adapter's
 * business, not the queue's.
 *
 * @param externalDialString how a counsellor's external number is dialled; {@code {number}} is
 * replaced by the number
 */
@ConfigurationProperties("helpline.counsellor-phones")
record CounsellorPhones(@DefaultValue("PJSIP/{number}@trunk") String externalDialString) {

	/** The offered counsellor's desk phone as its PJSIP endpoint, or their number through the trunk. */
	String dialString(Offer offer) {
		return offer.endpoint() != null ? "PJSIP/" + offer.endpoint()
				: externalDialString.replace("{number}", offer.externalNumber());
	}

}
