package org.helpline.telephony;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.helpline.prompts.Prompt;
import org.helpline.prompts.PromptAudio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Plays prompts with the audio operators gave them. When Asterisk cannot open that file (not
 * copied to its host yet, deleted, unreadable) it plays the built-in recording, then the
 * generic fallback: a caller never hears silence where a sentence should be.
 */
@Component
class PromptPlayer {

	private static final Logger log = LoggerFactory.getLogger(PromptPlayer.class);

	private static final String NO_KEYS = "";

	/** STREAM FILE's answer when Asterisk could not open the file, or the channel hung up meanwhile. */
	private static final int NOT_PLAYED = -1;

	private static final String UNPLAYED = "helpline.prompts.unplayed";

	private final PromptAudio audio;

	private final MeterRegistry meters;

	PromptPlayer(PromptAudio audio, MeterRegistry meters) {
		this.audio = audio;
		this.meters = meters;
		// Registered at zero, so that an alert sees the first unplayed prompt as an increase.
		meters.counter(UNPLAYED);
	}

	void play(AgiChannel channel, List<Prompt> prompts) throws AgiException {
		for (Prompt prompt : prompts) {
			playWhole(channel, prompt);
		}
	}

	/** Keys pressed meanwhile are not heard. */
	char playWhole(AgiChannel channel, Prompt prompt) throws AgiException {
		return playUntilKey(channel, prompt, NO_KEYS);
	}

	/** Stops at the first of {@code keys} the caller presses and returns it; 0 when none was. */
	char playUntilKey(AgiChannel channel, Prompt prompt, String keys) throws AgiException {
		for (String file : audio.filesFor(prompt)) {
			char key = channel.streamFile(file, keys);
			if (channel.getLastReply().getResultCode() != NOT_PLAYED) {
				return key;
			}
			// Asked only now: on a channel that hung up meanwhile this fails with AgiHangupException.
			channel.getChannelStatus();
			meters.counter(UNPLAYED).increment();
			log.warn("Asterisk could not play {}; trying the next recording of that prompt", file);
		}
		return 0;
	}

}
