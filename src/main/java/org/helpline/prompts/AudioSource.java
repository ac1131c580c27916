package org.helpline.prompts;

/** How an operator's prompt got its audio. */
public enum AudioSource {

	/** Spoken from its text by espeak-ng. */
	GENERATED,

	/** A recording an operator uploaded. */
	UPLOADED

}
