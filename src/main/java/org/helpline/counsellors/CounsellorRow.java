package org.helpline.counsellors;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A counsellor's presence as stored: the state machine works on these immutable rows, the
 * store writes whatever a transition returns.
 */
record CounsellorRow(long id, String displayName, String endpoint, @Nullable String externalNumber, CounsellorState state,
		@Nullable String reason, Instant since, @Nullable Instant idleSince, @Nullable Instant wrapUpUntil, @Nullable Instant claimExpires,
		DeviceState device, long ringSeq, long version) {

	static final String NO_ANSWER = "no answer";

	static final String PHONE_BUSY = "phone busy";

	/** Rung, the phone said busy (SIP 486): declined or do-not-disturb, so like no answer. */
	static final String ANSWERED_BUSY = "answered busy";

	static final String PHONE_UNREACHABLE = "phone unreachable";

	CounsellorRow to(CounsellorState newState, @Nullable String newReason, Instant now) {
		return new CounsellorRow(id, displayName, endpoint, externalNumber, newState, newReason, now, idleSince, null,
				null, device, ringSeq, version);
	}

	/**
	 * Free to take calls, unless the phone says otherwise: then paused for the phone, and
	 * freed again by the phone (or the device retry), not by the counsellor.
	 */
	CounsellorRow available(@Nullable String newReason, Instant now) {
		return switch (device) {
			case UNREACHABLE -> to(CounsellorState.PAUSED, PHONE_UNREACHABLE, now);
			case BUSY -> to(CounsellorState.PAUSED, PHONE_BUSY, now);
			case IDLE, UNKNOWN -> to(CounsellorState.AVAILABLE, newReason, now);
		};
	}

	CounsellorRow wrapUp(Instant until, Instant now) {
		return wrapUp(until, now, "call ended");
	}

	CounsellorRow wrapUp(Instant until, Instant now, @Nullable String reason) {
		return new CounsellorRow(id, displayName, endpoint, externalNumber, CounsellorState.WRAP_UP, reason, now, now,
				until, null, device, ringSeq, version);
	}

	CounsellorRow wrapUpUntil(Instant until) {
		return new CounsellorRow(id, displayName, endpoint, externalNumber, state, reason, since, idleSince, until,
				claimExpires, device, ringSeq, version);
	}

	CounsellorRow idleSince(Instant now) {
		return new CounsellorRow(id, displayName, endpoint, externalNumber, state, reason, since, now, wrapUpUntil,
				claimExpires, device, ringSeq, version);
	}

	CounsellorRow device(DeviceState newDevice) {
		return new CounsellorRow(id, displayName, endpoint, externalNumber, state, reason, since, idleSince,
				wrapUpUntil, claimExpires, newDevice, ringSeq, version);
	}

	boolean pausedForThePhone() {
		return state == CounsellorState.PAUSED && (PHONE_BUSY.equals(reason) || PHONE_UNREACHABLE.equals(reason));
	}

	/** Still ringing for the claim with this token (nobody changed the counsellor since). */
	boolean ringingFor(long claimToken) {
		return state == CounsellorState.RINGING && ringSeq == claimToken;
	}

	boolean hasEndpoint() {
		return endpoint != null;
	}

	CounsellorStatus status() {
		return new CounsellorStatus(id, displayName, state, reason, since, wrapUpUntil, device);
	}

}
