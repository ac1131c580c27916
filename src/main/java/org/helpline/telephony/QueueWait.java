package org.helpline.telephony;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.helpline.prompts.Prompt;
import org.helpline.routing.Announcement;
import org.helpline.routing.CallQueue;
import org.helpline.routing.Offer;
import org.helpline.routing.QueueOutcome;

import org.springframework.stereotype.Component;

/**
 * Keeps a waiting caller company on their FastAGI session: music, and an announcement every
 * period, until the queue claims a counsellor for them or sends them away. The session's
 * virtual thread parks in the queue meanwhile.
 */
@Component
class QueueWait {

	private static final int LARGEST_SPOKEN_NUMBER = 30;

	private final CallQueue queue;

	private final PromptPlayer prompts;

	QueueWait(CallQueue queue, PromptPlayer prompts) {
		this.queue = queue;
		this.prompts = prompts;
	}

	/** The queue's answer once it has one: a counsellor to dial, or why the caller is sent away. */
	QueueOutcome serve(AgiChannel channel, String callId, String language) throws AgiException {
		Optional<Offer> claimed = queue.offered(callId);
		if (claimed.isPresent()) {
			// Claimed while the welcome played: rung at once, without music started and stopped first.
			return new QueueOutcome.Offered(claimed.get());
		}
		channel.playMusicOnHold("default");
		while (true) {
			QueueOutcome outcome = queue.await(callId, null);
			if (!(outcome instanceof QueueOutcome.StillWaiting still)) {
				channel.stopMusicOnHold();
				return outcome;
			}
			prompts.play(channel, announcement(still.announcement(), language));
			channel.playMusicOnHold("default");
		}
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
