package org.helpline.callflow;

import java.time.Duration;
import java.util.List;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.prompts.Prompt;
import org.jspecify.annotations.Nullable;

/** What the telephony adapter does next for a caller in the menu; see {@link MenuWalk}. */
public sealed interface MenuStep {

	/** Play these prompts whole (keys do not stop them), then ask {@link MenuWalk#next()} again. */
	record Say(List<Prompt> prompts) implements MenuStep, CallStep {

		public Say {
			prompts = List.copyOf(prompts);
		}

	}

	/**
	 * Play the prompts; when {@code interruptible}, a key of {@code digits} pressed during a
	 * prompt stops it and is the answer. Otherwise wait {@code timeout} for one key. Then hand
	 * the key (any key heard in the wait, valid or not) or {@code null} to
	 * {@link MenuWalk#pressed(String)} and ask {@link MenuWalk#next()} again.
	 *
	 * @param digits the digits of the options, e.g. {@code "12309"}
	 */
	record Ask(List<Prompt> prompts, boolean interruptible, String digits, Duration timeout)
			implements MenuStep, CallStep {

		public Ask {
			prompts = List.copyOf(prompts);
		}

	}

	/** The menu is done: join the queue. {@code callerGroup} is {@code null} when the menu asks none. */
	record Queue(@Nullable CallerGroup callerGroup, Language language) implements MenuStep {

		/** The channel's or the menu's spelling of a choice; no group for none. */
		public static Queue of(@Nullable String callerGroup, String language) {
			return new Queue(CallerGroup.of(callerGroup), Language.required(language));
		}

	}

	/** The menu is done and the caller was told what they needed: end the call. */
	record HangUp(String language) implements MenuStep {
	}

}
