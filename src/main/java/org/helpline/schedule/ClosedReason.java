package org.helpline.schedule;

/**
 * Why the line is closed, so the call flow can pick the right message.
 */
public enum ClosedReason {

	/** The day has opening hours, just not now: evening, early morning, lunch break. */
	OUTSIDE_HOURS,

	/** The day has no opening hours at all, e.g. the weekend. */
	NOT_OPEN_TODAY,

	PUBLIC_HOLIDAY,

	CLOSURE

}
