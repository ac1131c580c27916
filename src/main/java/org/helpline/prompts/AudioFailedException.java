package org.helpline.prompts;

/**
 * espeak-ng or sox could not make a prompt's audio (missing, too slow, or failing on a text
 * of ours): a fault of the server, not of the request. Nothing was changed.
 */
public class AudioFailedException extends RuntimeException {

	AudioFailedException(String message) {
		super(message);
	}

}
