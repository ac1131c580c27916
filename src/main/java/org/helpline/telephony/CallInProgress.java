package org.helpline.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.privacy.CallerNumber;
import org.helpline.routing.CurrentCall;
import org.jspecify.annotations.Nullable;

/**
 * What the adapter remembers of one call between its FastAGI sessions, until its record is
 * written. In memory only: the caller's number never leaves this object.
 */
final class CallInProgress {

	private final long helplineId;

	private final Instant startedAt;

	private final CallerNumber caller;

	/** The helpline's own language, which its counsellors speak. */
	private final String helplineLanguage;

	private volatile String language;

	private volatile @Nullable Instant queuedAt;

	private volatile @Nullable Instant ringingSince;

	private volatile @Nullable Instant answeredAt;

	private volatile @Nullable Long counsellorId;

	private volatile @Nullable CallOutcome endedAs;

	private volatile @Nullable String callerGroup;

	private volatile @Nullable String tag;

	CallInProgress(long helplineId, Instant startedAt, CallerNumber caller, String language) {
		this.helplineId = helplineId;
		this.startedAt = startedAt;
		this.caller = caller;
		this.language = language;
		this.helplineLanguage = language;
	}

	long helplineId() {
		return helplineId;
	}

	String helplineLanguage() {
		return helplineLanguage;
	}

	String language() {
		return language;
	}

	CallerNumber caller() {
		return caller;
	}

	/** The caller's menu choice; null while (or if) they choose none. */
	void chose(@Nullable String group) {
		callerGroup = group;
	}

	/** The language the caller chose in the menu. */
	void speaks(String chosen) {
		language = chosen;
	}

	/** What the counsellor's phone and page show instead of the number. */
	void tagged(String text) {
		tag = text;
	}

	@Nullable Long counsellorId() {
		return counsellorId;
	}

	/** The caller as the counsellor who just answered may know them. */
	CurrentCall asAnswered() {
		Instant entered = queuedAt == null ? startedAt : queuedAt;
		Instant answered = Objects.requireNonNull(answeredAt, "asked before the call was answered");
		Instant ringStart = ringingSince == null ? answered : ringingSince;
		return new CurrentCall(callerGroup, language, Duration.between(entered, ringStart), tag, answered);
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

	/**
	 * The dialplan gave up on the backend: whatever was said before (the hang-up that giving up
	 * caused reads as a caller who left), the call ended because our side failed.
	 */
	synchronized void endAsOurFailure() {
		endedAs = CallOutcome.TECHNICAL_FAILURE;
	}

	CompletedCall completed(Instant endedAt, @Nullable Duration talk) {
		Instant entered = queuedAt == null ? startedAt : queuedAt;
		if (answeredAt != null) {
			Instant ringStart = ringingSince == null ? answeredAt : ringingSince;
			return record(Duration.between(entered, ringStart), Duration.between(ringStart, answeredAt), talk,
					CallOutcome.ANSWERED);
		}
		CallOutcome outcome = endedAs == null ? CallOutcome.ABANDONED_WAITING : endedAs;
		return record(Duration.between(entered, endedAt), null, null, outcome);
	}

	private CompletedCall record(@Nullable Duration waiting, @Nullable Duration ringing, @Nullable Duration talk,
			CallOutcome outcome) {
		return new CompletedCall(helplineId, startedAt, caller, callerGroup, language, waiting, ringing, talk,
				outcome == CallOutcome.ANSWERED ? counsellorId : null, outcome, "phone");
	}

}
