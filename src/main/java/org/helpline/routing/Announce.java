package org.helpline.routing;

/** What a waiting caller is told every announcement period (music plays in between). */
public enum Announce {

	POSITION, ESTIMATE, BOTH, NONE;

	boolean position() {
		return this == POSITION || this == BOTH;
	}

	boolean estimate() {
		return this == ESTIMATE || this == BOTH;
	}

}
