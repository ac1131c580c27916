package org.helpline.telephony;

import java.util.List;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.helpline.callflow.Prompt;
import org.helpline.prompts.PromptAudio;

import org.springframework.stereotype.Component;

/**
 * Plays prompts with the audio operators gave them, or the built-in recording when theirs is
 * missing: a caller never hears silence where a sentence should be.
 */
@Component
class PromptPlayer {

	private static final String NO_KEYS = "";

	private final PromptAudio audio;

	PromptPlayer(PromptAudio audio) {
		this.audio = audio;
	}

	void play(AgiChannel channel, List<Prompt> prompts) throws AgiException {
		for (Prompt prompt : prompts) {
			playWhole(channel, prompt);
		}
	}

	/** Keys pressed meanwhile are not heard. Returns 0, like an uninterrupted stream. */
	char playWhole(AgiChannel channel, Prompt prompt) throws AgiException {
		return channel.streamFile(audio.fileFor(prompt), NO_KEYS);
	}

	/** Stops at the first of {@code keys} the caller presses and returns it; 0 when none was. */
	char playUntilKey(AgiChannel channel, Prompt prompt, String keys) throws AgiException {
		return channel.streamFile(audio.fileFor(prompt), keys);
	}

}
