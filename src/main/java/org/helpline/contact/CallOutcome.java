package org.helpline.contact;

/** How a call ended. Only {@link #ANSWERED} makes a call a contact moment. */
public enum CallOutcome {

	ANSWERED, ABANDONED_WAITING, ABANDONED_IN_MENU,

	/** The caller chose a menu option that told them what they needed and ended the call. */
	INFORMED_IN_MENU,

	OUT_OF_HOURS, OVERFLOW,

	/** The line was open, but no counsellor was signed in or all were paused; the caller was told so. */
	NOBODY_AVAILABLE,

	TECHNICAL_FAILURE

}
