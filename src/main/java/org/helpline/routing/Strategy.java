package org.helpline.routing;

/** Which of the free, matching counsellors a caller gets (after the lowest skill level). */
public enum Strategy {

	/** The one whose last call ended longest ago (or who signed in first). */
	LONGEST_IDLE,
	/** The one rung least recently, so rings rotate through everybody. */
	ROUND_ROBIN,
	/** The one who answered the fewest calls today (the helpline's local day). */
	FEWEST_CALLS_TODAY

}
