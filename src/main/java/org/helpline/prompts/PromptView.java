package org.helpline.prompts;

import java.time.Instant;
import java.util.Map;

import org.helpline.prompts.PromptCatalogue.Source;
import org.jspecify.annotations.Nullable;

/**
 * One prompt in one language as operators see it.
 *
 * @param text what the caller hears (an operator's text, else the built-in one)
 * @param source where the text comes from
 * @param builtIn whether the service ships this prompt, so deleting an operator's version
 * brings the built-in one back
 * @param audio whether the operator's audio file is there (when {@code MISSING}, callers hear
 * the built-in prompt or "one moment, please")
 * @param audioSource how the operator's audio was made; null for a built-in prompt
 * @param plays the sound file Asterisk plays for it now
 * @param updatedAt when an operator last changed it; null for a built-in prompt
 */
public record PromptView(String language, String key, String text, Source source, boolean builtIn, Audio audio,
		@Nullable AudioSource audioSource, String plays, @Nullable Instant updatedAt, @Nullable String updatedBy) {

	public enum Audio {

		BUILT_IN, PRESENT, MISSING

	}

	/**
	 * A prompt before and after an operator changed it.
	 * @param before null when the prompt did not exist
	 * @param after null when the prompt is gone
	 */
	public record Change(@Nullable PromptView before, @Nullable PromptView after) {
	}

	/** Every language of one key. */
	public record Entry(String key, Map<String, PromptView> languages) {
	}

}
