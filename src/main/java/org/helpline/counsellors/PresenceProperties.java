package org.helpline.counsellors;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Presence's share of the {@code helpline.routing} settings, bound here so that counsellors do
 * not depend on the queue (operators keep one block of settings).
 *
 * @param deviceRetry a counsellor paused because the phone was busy or unreachable is tried
 * again after this long when no device state says otherwise (phones on a trunk have none)
 * @param callEndGrace a counsellor still on a call this long after their phone went idle is
 * sent to wrap-up: the end of that call never reached us (a failed hang-up script, a
 * database that was away)
 * @param maxExtension the longest a counsellor may extend wrap-up by at once
 * @param defaults the wrap-up a counsellor whose call end was missed gets: the one of a
 * helpline whose operator set none
 */
@ConfigurationProperties("helpline.routing")
record PresenceProperties(@DefaultValue("60s") Duration deviceRetry, @DefaultValue("15s") Duration callEndGrace,
		@DefaultValue("1h") Duration maxExtension, @DefaultValue Defaults defaults) {

	/** Read from the same key, and with the same default, as the queue's helpline defaults. */
	record Defaults(@DefaultValue("60") int wrapUpSeconds) {
	}

}
