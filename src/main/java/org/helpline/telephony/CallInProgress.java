package org.helpline.telephony;

import java.time.Duration;
import java.time.Instant;

import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.privacy.CallerNumber;

/**
 * What the adapter remembers of one call between its FastAGI sessions, until its record is
 * written. In memory only: the caller's number never leaves this object.
 */
final class CallInProgress {

	private final long helplineId;

	private final Instant startedAt;

	private final CallerNumber caller;

	private final String language;

	private volatile Instant queuedAt;

	private volatile Instant ringingSince;

	private volatile Instant answeredAt;

	private volatile Long counsellorId;

	private volatile CallOutcome endedAs;

	CallInProgress(long helplineId, Instant startedAt, CallerNumber caller, String language) {
		this.helplineId = helplineId;
		this.startedAt = startedAt;
		this.caller = caller;
		this.language = language;
	}

	long helplineId() {
		return helplineId;
	}

	CallerNumber caller() {
		return caller;
	}

	void queued(Instant at) {
		if (queuedAt == null) {
			queuedAt = at;
		}
	}

	void ringing(long counsellor, Instant at) {
		counsellorId = counsellor;
		ringingSince = at;
	}

	void answered(Instant at) {
		answeredAt = at;
	}

	/**
	 * Why the call ended when nobody answered it (hung up, overflow, failure). The first
	 * reason given wins: a caller who hung up was not sent away by an overflow after that.
	 */
	synchronized void endAs(CallOutcome outcome) {
		if (endedAs == null) {
			endedAs = outcome;
		}
	}

	CompletedCall completed(Instant endedAt, Duration talk) {
		Instant entered = queuedAt == null ? startedAt : queuedAt;
		if (answeredAt != null) {
			Instant ringStart = ringingSince == null ? answeredAt : ringingSince;
			return record(Duration.between(entered, ringStart), Duration.between(ringStart, answeredAt), talk,
					CallOutcome.ANSWERED);
		}
		CallOutcome outcome = endedAs == null ? CallOutcome.ABANDONED_WAITING : endedAs;
		return record(Duration.between(entered, endedAt), null, null, outcome);
	}

	private CompletedCall record(Duration waiting, Duration ringing, Duration talk, CallOutcome outcome) {
		return new CompletedCall(helplineId, startedAt, caller, null, language, waiting, ringing, talk,
				outcome == CallOutcome.ANSWERED ? counsellorId : null, outcome, "phone");
	}

}
