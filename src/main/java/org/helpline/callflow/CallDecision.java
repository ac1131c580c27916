package org.helpline.callflow;

import java.util.List;

import org.helpline.prompts.Prompt;
import org.jspecify.annotations.Nullable;

/** What the helpline does with one incoming call, decided before anything is played. */
public sealed interface CallDecision {

	Outcome outcome();

	/**
	 * The line is open: welcome the caller and queue them for a counsellor. The caller's own
	 * number is replaced by the helpline's name and number before anything is dialled.
	 */
	record Connect(long helplineId, String helpline, String callerIdNumber, String language)
			implements CallDecision {

		@Override
		public Outcome outcome() {
			return Outcome.OPEN;
		}

	}

	/**
	 * Play these prompts in order, then end the call.
	 * @param helplineId {@code null} when the dialled number belongs to no helpline
	 */
	record Announce(@Nullable Long helplineId, @Nullable String helpline, List<Prompt> prompts, Outcome outcome) implements CallDecision {

		public Announce {
			prompts = List.copyOf(prompts);
		}

	}

	/** How an incoming call was handled; one value per branch of the flow. */
	enum Outcome {

		OPEN, CLOSED_OUTSIDE_HOURS, CLOSED_NOT_OPEN_TODAY, CLOSED_PUBLIC_HOLIDAY, CLOSED_CLOSURE, UNKNOWN_NUMBER;

		/** Short lower-case form for metrics and channel variables. */
		public String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
