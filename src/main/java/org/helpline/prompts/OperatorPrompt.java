package org.helpline.prompts;

import java.time.Instant;


/**
 * A prompt as an operator set it.
 *
 * @param audioFile the file name in the language's folder below the audio folder
 * @param updatedBy the account that made the change
 */
record OperatorPrompt(Prompt prompt, String text, AudioSource source, String audioFile, Instant updatedAt,
		String updatedBy) {

}
