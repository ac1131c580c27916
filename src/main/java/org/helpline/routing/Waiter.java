package org.helpline.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.locks.Condition;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.jspecify.annotations.Nullable;

/** One caller this instance holds, from joining the queue to the end of their call. Guarded by the queue's lock. */
final class Waiter {

	/** Arrival order: the original entry time, then the order this instance heard of them. */
	static final Comparator<Waiter> ARRIVAL = Comparator.comparing((Waiter w) -> w.enteredAt)
		.thenComparingLong(w -> w.arrival);

	enum Status {

		WAITING, OFFERED, CONNECTED, GONE

	}

	final String callId;

	/** How other nodes know this caller: random, never Asterisk's call id (it holds the call's start). */
	final String sharedId = java.util.UUID.randomUUID().toString();

	final long helplineId;

	final @Nullable CallerGroup callerGroup;

	final Language language;

	final long arrival;

	/** Signalled whenever something changed that {@link CallQueue#await} may be waiting for. */
	final Condition changed;

	Instant enteredAt;

	Status status = Status.WAITING;

	int positionAtJoin;

	int lastAnnounced = Integer.MAX_VALUE;

	/** The wait last announced to this caller, as spoken; {@code null} before the first. */
	java.time.@Nullable Duration lastEstimate;

	/** Whether a session is blocked in await for this caller right now. */
	boolean awaiting;

	/** Set only while the call is offered; volatile, as {@link CallQueue#offered} reads it without the lock. */
	volatile @Nullable Offer offer;

	/** When the claim of the offered counsellor lapses (the store releases it then). */
	@Nullable Instant offerExpires;

	long counsellorId;

	long claimToken;

	Waiter(String callId, long helplineId, @Nullable CallerGroup callerGroup, Language language, Instant enteredAt, long arrival,
			Condition changed) {
		this.callId = callId;
		this.helplineId = helplineId;
		this.callerGroup = callerGroup;
		this.language = language;
		this.enteredAt = enteredAt;
		this.arrival = arrival;
		this.changed = changed;
	}

}
