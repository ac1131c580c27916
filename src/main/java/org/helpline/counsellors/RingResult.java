package org.helpline.counsellors;

/** How ringing an offered counsellor ended, as the dialplan's DIALSTATUS tells it. */
public enum RingResult {

	/** Connected: the counsellor is on the call until the call ends. */
	ANSWERED,
	/** Rang out: the counsellor is paused ("no answer") and the caller keeps their place. */
	NO_ANSWER,
	/** The phone was busy: paused ("phone busy") until the phone is idle again. */
	BUSY,
	/** The phone could not be reached: paused ("phone unreachable") until it is back. */
	UNAVAILABLE,
	/** The caller hung up while the counsellor's phone rang: the counsellor is free again. */
	CALLER_HUNG_UP

}
