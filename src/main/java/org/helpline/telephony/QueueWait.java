package org.helpline.telephony;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.helpline.callflow.Call;
import org.helpline.callflow.CallerLeft;
import org.helpline.callflow.SentAway;
import org.helpline.prompts.Prompt;
import org.helpline.routing.Announcement;
import org.helpline.routing.CallQueue;
import org.helpline.routing.Offer;
import org.helpline.routing.QueueOutcome;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps a waiting caller company on their FastAGI session: music, an announcement every
 * period, and, as soon as a counsellor is claimed for them, the channel variables the
 * dialplan dials with. The session's virtual thread parks in the queue meanwhile.
 */
@Component
class QueueWait {

	private static final int LARGEST_SPOKEN_NUMBER = 30;

	private final CallQueue queue;

	private final CallsInProgress calls;

	private final PromptPlayer prompts;

	private final Clock clock;

	private final CounsellorPhones phones;

	private final ApplicationEventPublisher events;

	QueueWait(CallQueue queue, CallsInProgress calls, PromptPlayer prompts, Clock clock, CounsellorPhones phones,
			ApplicationEventPublisher events) {
		this.queue = queue;
		this.events = events;
		this.prompts = prompts;
		this.calls = calls;
		this.clock = clock;
		this.phones = phones;
	}

	/** Returns once the dialplan has something to do: dial the offered counsellor, or hang up. */
	void serve(AgiChannel channel, String callId, String language) throws AgiException {
		try {
			channel.playMusicOnHold("default");
			while (true) {
				switch (queue.await(callId, null)) {
					case QueueOutcome.Offered offered -> {
						channel.stopMusicOnHold();
						calls.get(callId).ifPresent(call -> call.ringing(offered.offer().counsellorId(), clock.instant()));
						dial(channel, offered.offer());
						return;
					}
					case QueueOutcome.StillWaiting still -> {
						prompts.play(channel, announcement(still.announcement(), language));
						channel.playMusicOnHold("default");
					}
					case QueueOutcome.Overflow overflow -> {
						sendAway(channel, callId, Call::overflowed, "overflow", SentAway.overflow(language));
						return;
					}
					case QueueOutcome.NobodyAvailable nobody -> {
						sendAway(channel, callId, Call::nobodyAvailable, "nobody-available",
								SentAway.nobodyAvailable(language));
						return;
					}
				}
			}
		}
		catch (RuntimeException ex) {
			calls.get(callId).ifPresent(call -> call.failed());
			events.publishEvent(new CallerLeft(callId));
			throw ex;
		}
		catch (AgiException ex) {
			// Hung up or lost: never keep a place (or a claimed counsellor) for a caller who is gone.
			events.publishEvent(new CallerLeft(callId));
			throw ex;
		}
	}

	private void sendAway(AgiChannel channel, String callId, Consumer<Call> outcome, String tag, List<Prompt> said)
			throws AgiException {
		calls.get(callId).ifPresent(outcome);
		channel.stopMusicOnHold();
		prompts.play(channel, said);
		ChannelVariable.HELPLINE_OUTCOME.set(channel, tag);
		ChannelVariable.HELPLINE_ACTION.set(channel, "closed");
	}

	private void dial(AgiChannel channel, Offer offer) throws AgiException {
		ChannelVariable.HELPLINE_DESTINATION.set(channel, phones.dialString(offer));
		ChannelVariable.HELPLINE_RING_TIMEOUT.set(channel, Integer.toString(offer.ringTimeoutSeconds()));
		ChannelVariable.HELPLINE_ACTION.set(channel, "open");
	}

	static List<Prompt> announcement(Announcement announcement, String language) {
		List<Prompt> said = new ArrayList<>();
		if (announcement.sayPosition() && announcement.position() <= LARGEST_SPOKEN_NUMBER) {
			said.add(new Prompt(language, "queue-position"));
			said.add(new Prompt(language, "number-" + announcement.position()));
			said.add(new Prompt(language, "queue-position-end"));
		}
		Duration estimate = announcement.estimatedWait();
		if (announcement.sayEstimate() && estimate != null) {
			long minutes = Math.clamp((estimate.toSeconds() + 59) / 60, 1, LARGEST_SPOKEN_NUMBER);
			said.add(new Prompt(language, "queue-estimate"));
			said.add(new Prompt(language, "number-" + minutes));
			said.add(new Prompt(language, minutes == 1 ? "queue-minute" : "queue-minutes"));
		}
		return said;
	}

}
