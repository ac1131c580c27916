package org.helpline.web.page;

import java.time.Instant;

/**
 * What a counsellor's page shows of their state and call, sent again whenever it changes.
 * Nothing of a caller but the menu choice, the wait and the pseudonymous tag: never a number.
 *
 * @param wrapUpContactId the contact of the call to wrap up; a new one makes the page reload
 */
record CounsellorPicture(String state, String stateLabel, String reason, Instant since, Instant wrapUpUntil,
		Call call, Long wrapUpContactId) {

	record Call(String callerGroup, String language, String waited, String tag, Instant answeredAt) {
	}

}
