package org.helpline.callflow;

import java.time.Instant;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.jspecify.annotations.Nullable;

/**
 * What the telephony adapter does next for a call; see {@link CallWalk}. The menu's
 * {@link MenuStep.Say} and {@link MenuStep.Ask} are steps of the call as they are.
 */
public sealed interface CallStep permits MenuStep.Say, MenuStep.Ask, CallStep.Queue, CallStep.Wait, CallStep.Dial,
		CallStep.End {

	/**
	 * Join the queue, then ask {@link CallWalk#next()} again at once (the caller may hear the
	 * welcome while a counsellor is claimed).
	 * @param enteredAt the caller's place: the first entry counts, also after a failed ring
	 */
	record Queue(@Nullable CallerGroup callerGroup, Language language, Instant enteredAt, Entry entry)
			implements CallStep {

		/** How the caller comes to the queue. */
		public enum Entry {

			/** Straight from the menu: the channel learns the choice and what the counsellor's phone shows. */
			FROM_MENU,

			/** Their session began again (e.g. this node restarted): the choice the channel kept, no menu. */
			SESSION_RETRIED,

			/** Back from a ring that was not answered, to a node that does not hold the call; the channel knows all. */
			BACK_FROM_RING

		}

	}

	/**
	 * Keep the caller company in the queue (music, announcements) until it offers a counsellor
	 * ({@link CallWalk#offered}) or sends the caller away ({@link CallWalk#overflowed},
	 * {@link CallWalk#nobodyAvailable}); then ask {@link CallWalk#next()} again.
	 */
	record Wait(Language language) implements CallStep {
	}

	/**
	 * Hand the call back to the dialplan to ring this counsellor; it comes back to the queue when
	 * the phone is not answered. The walk ends here.
	 */
	record Dial(long counsellorId) implements CallStep {
	}

	/**
	 * Hand the call back to the dialplan to hang up. The walk ends here.
	 * @param outcome short lower-case form for the dialplan and metrics, e.g. {@code informed}
	 * @param knownHelpline false when the dialled number belongs to no helpline
	 */
	record End(String outcome, boolean knownHelpline) implements CallStep {
	}

}
