package org.helpline.contact;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a counsellor records after a contact moment. Replaces an earlier wrap-up whole.
 *
 * @param topics codes of active topics
 * @param referral code of an active referral, or null
 * @param returningCaller only for contacts without pseudonym (withheld number, e-mail or
 * chat without person key): whether this person contacted the helpline before
 * @param callerGroup corrects the caller group chosen in the menu; null keeps it
 */
public record WrapUp(List<String> topics, @Nullable String referral, @Nullable Boolean returningCaller,
		@Nullable String callerGroup) {

}
