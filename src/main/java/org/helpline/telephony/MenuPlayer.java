package org.helpline.telephony;


import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.helpline.callflow.MenuStep;
import org.helpline.callflow.MenuWalk;
import org.helpline.prompts.Prompt;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Plays a caller's way through the helpline's menu over AGI: the walk decides, this class only
 * plays prompts and listens for keys, which Asterisk hands over the same way whether the phone
 * sent them in the media (RFC 2833/4733) or as SIP INFO.
 */
@Component
class MenuPlayer {

	private final PromptPlayer prompts;

	private final MeterRegistry meters;

	MenuPlayer(PromptPlayer prompts, MeterRegistry meters) {
		this.prompts = prompts;
		this.meters = meters;
	}

	/** Runs the menu until it ends in the queue or a goodbye; a hang-up ends it with AgiHangupException. */
	MenuStep play(AgiChannel channel, MenuWalk walk) throws AgiException {
		while (true) {
			MenuStep step = walk.next();
			switch (step) {
				case MenuStep.Say say -> prompts.play(channel, say.prompts());
				case MenuStep.Ask ask -> walk.pressed(ask(channel, ask));
				case MenuStep.Queue queue -> {
					meters.counter("helpline.menu", "result", "queue").increment();
					return queue;
				}
				case MenuStep.HangUp hangUp -> {
					meters.counter("helpline.menu", "result", "informed").increment();
					return hangUp;
				}
			}
		}
	}

	/** The key the caller pressed during (when allowed) or after the prompts, or null for none. */
	private @Nullable String ask(AgiChannel channel, MenuStep.Ask ask) throws AgiException {
		for (Prompt prompt : ask.prompts()) {
			char key = ask.interruptible() ? prompts.playUntilKey(channel, prompt, ask.digits())
					: prompts.playWhole(channel, prompt);
			if (key != 0) {
				return String.valueOf(key);
			}
		}
		char key = channel.waitForDigit((int) ask.timeout().toMillis());
		return key == 0 ? null : String.valueOf(key);
	}

}
