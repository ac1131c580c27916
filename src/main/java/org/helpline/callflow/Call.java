package org.helpline.callflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.counsellors.CurrentCall;
import org.helpline.privacy.CallerNumber;
import org.jspecify.annotations.Nullable;

/**
 * One call to a helpline, from its first FastAGI session to its end: who the caller said they
 * are, the language they hear, when they were queued, rung and answered, and why it ended. The
 * outcome is decided here alone, and so is the one completed call handed to the contact
 * records. In memory only: the caller's number leaves it only inside that completed call.
 */
public final class Call {

	private static final String PHONE = "phone";

	private final long helplineId;

	private final Instant startedAt;

	private final CallerNumber caller;

	/** The helpline's own language, which its counsellors speak. */
	private final Language helplineLanguage;

	private volatile Language language;

	private volatile @Nullable Instant queuedAt;

	private volatile @Nullable Instant ringingSince;

	private volatile @Nullable Instant answeredAt;

	private volatile @Nullable Long counsellorId;

	private volatile @Nullable CallOutcome endedAs;

	private volatile @Nullable CallerGroup callerGroup;

	private volatile @Nullable String tag;

	public Call(long helplineId, Instant startedAt, CallerNumber caller, Language language) {
		this.helplineId = helplineId;
		this.startedAt = startedAt;
		this.caller = caller;
		this.language = language;
		this.helplineLanguage = language;
	}

	/** The one record of a call to a closed line: it is over once it is told so. */
	public static CompletedCall toClosedLine(long helplineId, Instant startedAt, CallerNumber caller) {
		return new CompletedCall(helplineId, startedAt, caller, null, null, Duration.ZERO, null, null, null,
				CallOutcome.OUT_OF_HOURS, PHONE);
	}

	/**
	 * The record of a call that ended after this node forgot it (it restarted meanwhile), from
	 * what its channel carried: who called is lost, so it counts as withheld.
	 * @param ourFailure the dialplan gave up on the backend (see {@link #dialplanGaveUp()})
	 */
	public static CompletedCall forgotten(long helplineId, Instant queuedAt, boolean answered, boolean ourFailure,
			@Nullable Duration talk) {
		CallOutcome outcome = answered ? CallOutcome.ANSWERED
				: ourFailure ? CallOutcome.TECHNICAL_FAILURE : CallOutcome.ABANDONED_WAITING;
		return new CompletedCall(helplineId, queuedAt, CallerNumber.withheld(), null, null, null, null,
				answered ? talk : null, null, outcome, PHONE);
	}

	public long helplineId() {
		return helplineId;
	}

	public Language helplineLanguage() {
		return helplineLanguage;
	}

	public Language language() {
		return language;
	}

	public CallerNumber caller() {
		return caller;
	}

	/** The caller's menu choice; null while (or if) they choose none. */
	public void chose(@Nullable CallerGroup group) {
		callerGroup = group;
	}

	/** The language the caller chose in the menu. */
	public void speaks(Language chosen) {
		language = chosen;
	}

	/** What the counsellor's phone and page show instead of the number. */
	public void tagged(String text) {
		tag = text;
	}

	public @Nullable Long counsellorId() {
		return counsellorId;
	}

	/** The caller as the counsellor who just answered may know them. */
	public CurrentCall asAnswered() {
		Instant entered = queuedAt == null ? startedAt : queuedAt;
		Instant answered = Objects.requireNonNull(answeredAt, "asked before the call was answered");
		Instant ringStart = ringingSince == null ? answered : ringingSince;
		return new CurrentCall(callerGroup, language, Duration.between(entered, ringStart), tag, answered);
	}

	@Nullable Instant queuedAt() {
		return queuedAt;
	}

	/** The first entry into the queue counts: a caller back from a failed ring keeps their place. */
	public void queued(Instant at) {
		if (queuedAt == null) {
			queuedAt = at;
		}
	}

	public void ringing(long counsellor, Instant at) {
		counsellorId = counsellor;
		ringingSince = at;
	}

	public void answered(Instant at) {
		answeredAt = at;
	}

	/** The caller hung up while the menu played or asked. */
	public void leftInMenu() {
		endAs(CallOutcome.ABANDONED_IN_MENU);
	}

	/** The menu told the caller what they needed and ended the call. */
	public void informedInMenu() {
		endAs(CallOutcome.INFORMED_IN_MENU);
	}

	/** The caller hung up while waiting (or while a counsellor's phone rang). */
	public void leftWhileWaiting() {
		endAs(CallOutcome.ABANDONED_WAITING);
	}

	/** The caller waited past the maximum and was sent away. */
	public void overflowed() {
		endAs(CallOutcome.OVERFLOW);
	}

	/** Told nobody can take the call now (nobody signed in, or all paused) and where else to turn. */
	public void nobodyAvailable() {
		endAs(CallOutcome.NOBODY_AVAILABLE);
	}

	/** Our side failed while the caller waited. */
	public void failed() {
		endAs(CallOutcome.TECHNICAL_FAILURE);
	}

	/**
	 * The dialplan gave up on the backend: whatever was said before (the hang-up that giving up
	 * caused reads as a caller who left), the call ended because our side failed.
	 */
	public synchronized void dialplanGaveUp() {
		endedAs = CallOutcome.TECHNICAL_FAILURE;
	}

	/** The first reason given wins: a caller who hung up was not sent away by an overflow after that. */
	private synchronized void endAs(CallOutcome outcome) {
		if (endedAs == null) {
			endedAs = outcome;
		}
	}

	/** The call's one record; answered when a counsellor answered, else why it ended. */
	public CompletedCall completed(Instant endedAt, @Nullable Duration talk) {
		Instant entered = queuedAt == null ? startedAt : queuedAt;
		if (answeredAt != null) {
			Instant ringStart = ringingSince == null ? answeredAt : ringingSince;
			return record(Duration.between(entered, ringStart), Duration.between(ringStart, answeredAt), talk,
					CallOutcome.ANSWERED);
		}
		CallOutcome outcome = endedAs == null ? CallOutcome.ABANDONED_WAITING : endedAs;
		return record(Duration.between(entered, endedAt), null, null, outcome);
	}

	private CompletedCall record(Duration waiting, @Nullable Duration ringing, @Nullable Duration talk,
			CallOutcome outcome) {
		return new CompletedCall(helplineId, startedAt, caller, Objects.toString(callerGroup, null),
				Objects.toString(language, null), waiting, ringing, talk,
				outcome == CallOutcome.ANSWERED ? counsellorId : null, outcome, PHONE);
	}

}
