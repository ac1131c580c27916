package org.helpline.web.page;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a counsellor's page shows of their state and call, sent again whenever it changes.
 * Nothing of a caller but the menu choice, the wait and the pseudonymous tag: never a number.
 *
 * @param wrapUpContactId the contact of the call to wrap up; a new one makes the page reload
 */
record CounsellorPicture(String state, String stateLabel, @Nullable String reason, Instant since,
		@Nullable Instant wrapUpUntil, @Nullable Call call, @Nullable Long wrapUpContactId) {

	record Call(@Nullable String callerGroup, @Nullable String language, @Nullable String waited, @Nullable String tag,
			Instant answeredAt) {
	}

}
