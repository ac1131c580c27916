package org.helpline.prompts;

/** Thrown when an operator names a prompt that is neither built in nor set by an operator. */
public class UnknownPromptException extends RuntimeException {

	UnknownPromptException(String what) {
		super(what);
	}

}
