package org.helpline.menu;

/** What choosing an option does. */
public enum Action {

	/** Join the queue with the option's caller group (its message first, if any). */
	QUEUE,
	/** Play the message, then ask the choice again; not a failed attempt. */
	MESSAGE_AND_RETURN,
	/** Play the message and end the call. */
	MESSAGE_AND_HANG_UP,
	/** Ask the choice again in the option's language (not the welcome), with a fresh count of attempts. */
	LANGUAGE

}
