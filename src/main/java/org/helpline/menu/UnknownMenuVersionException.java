package org.helpline.menu;

/** Thrown when an operator names a menu version the helpline never had. */
public class UnknownMenuVersionException extends RuntimeException {

	UnknownMenuVersionException(long helplineId, int version) {
		super("version " + version + " of the menu of helpline " + helplineId + " does not exist");
	}

}
