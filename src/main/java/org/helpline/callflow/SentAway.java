package org.helpline.callflow;

import java.util.List;

import org.helpline.prompts.Prompt;

/** What a queued caller hears when the queue sends them away without a counsellor. */
public final class SentAway {

	private SentAway() {
	}

	/** The line is open but nobody can take calls: that, and where else to turn (as when closed). */
	public static List<Prompt> nobodyAvailable(String language) {
		return List.of(new Prompt(language, "nobody-available"), new Prompt(language, "alternatives"));
	}

	/** Past the longest wait. */
	public static List<Prompt> overflow(String language) {
		return List.of(new Prompt(language, "overflow"));
	}

}
