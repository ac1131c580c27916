package org.helpline.counsellors;

/**
 * What Asterisk says about a counsellor's phone. Adapter mapping of AMI device states:
 * NOT_INUSE → IDLE; INUSE, BUSY, RINGING, RINGINUSE, ONHOLD → BUSY; UNAVAILABLE, INVALID,
 * UNKNOWN → UNREACHABLE.
 */
public enum DeviceState {

	IDLE, BUSY, UNREACHABLE,
	/** Not heard of since the counsellor was created (or reachable through a trunk): may be rung. */
	UNKNOWN

}
