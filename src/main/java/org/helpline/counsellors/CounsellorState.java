package org.helpline.counsellors;

/** Where a counsellor is, as routing and staffing statistics see it. */
public enum CounsellorState {

	SIGNED_OUT, AVAILABLE, RINGING, ON_CALL, WRAP_UP, PAUSED

}
