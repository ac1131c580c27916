package org.helpline.routing;

/** Why {@link CallQueue#await} returned. */
public sealed interface QueueOutcome {

	/** A counsellor is claimed for this caller: dial them now. */
	record Offered(Offer offer) implements QueueOutcome {
	}

	/** Nobody yet; the announcement period passed. Say this, then await again. */
	record StillWaiting(Announcement announcement) implements QueueOutcome {
	}

	/** The maximum wait passed: the caller is no longer in the queue. Play the overflow message. */
	record Overflow() implements QueueOutcome {
	}

	/**
	 * Nobody can take calls (none signed in, or all paused) and the caller waited the helpline's
	 * wait for a sign-in: the caller is no longer in the queue. Tell them where else to turn.
	 */
	record NobodyAvailable() implements QueueOutcome {
	}

}
