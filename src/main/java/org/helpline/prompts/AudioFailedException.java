package org.helpline.prompts;

import org.jspecify.annotations.Nullable;

/**
 * espeak-ng or sox could not make a prompt's audio (missing, too slow, or failing on a text
 * of ours): a fault of the server, not of the request. Nothing was changed.
 */
public class AudioFailedException extends RuntimeException {

	AudioFailedException(@Nullable String message) {
		super(message);
	}

}
