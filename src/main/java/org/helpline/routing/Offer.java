package org.helpline.routing;

import org.jspecify.annotations.Nullable;

/**
 * A counsellor claimed for one waiting caller: the adapter dials {@code dialString} for at
 * most {@code ringTimeoutSeconds} and reports the result with {@link CallQueue#ringResult}.
 *
 * @param dialString an Asterisk dial string, e.g. {@code PJSIP/counsellor-1} or
 * {@code PJSIP/0612345678@trunk}; never contains anything of the caller
 * @param whisper what to tell the counsellor before connecting (caller group and waiting
 * time), or {@code null} when the helpline does not whisper
 */
public record Offer(String callId, long counsellorId, String counsellorName, String dialString,
		int ringTimeoutSeconds, @Nullable String whisper) {

}
