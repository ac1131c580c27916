package org.helpline.routing;

import org.jspecify.annotations.Nullable;

/**
 * A counsellor claimed for one waiting caller: the adapter rings their phone for at most
 * {@code ringTimeoutSeconds} and reports the result with {@link CallQueue#ringResult}. Exactly
 * one of {@code endpoint} and {@code externalNumber} is set; neither has anything of the caller.
 *
 * @param endpoint the PJSIP endpoint of the counsellor's desk phone
 * @param externalNumber the counsellor's number reached through the trunk (e.g. a mobile)
 */
public record Offer(long counsellorId, @Nullable String endpoint, @Nullable String externalNumber,
		int ringTimeoutSeconds) {

}
