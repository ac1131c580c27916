package org.helpline.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.caller.Language;
import org.helpline.callflow.Call;
import org.helpline.callflow.CallStep.Queue.Entry;
import org.helpline.callflow.CallWalk;
import org.helpline.callflow.CallWalks;
import org.helpline.counsellors.RingResult;
import org.helpline.privacy.CallerNumber;
import org.helpline.routing.CallQueue;

import org.springframework.stereotype.Component;

/**
 * The {@code queue} script: the dialplan comes back here when the offered counsellor did not
 * answer ({@code ring=${DIALSTATUS}}). The caller waits again in their own place; when this
 * instance does not hold the call (it restarted, or the node that held it is gone), the call
 * goes on here with what the channel carries: its entry time and the caller's choice.
 */
@Component
class QueueScript implements AgiScript {

	static final String NAME = "queue";

	private final CallQueue queue;

	private final CallWalks walks;

	private final CallPlayer player;

	private final Clock clock;

	private final CallsInProgress calls;

	QueueScript(CallQueue queue, CallWalks walks, CallPlayer player, Clock clock, CallsInProgress calls) {
		this.queue = queue;
		this.walks = walks;
		this.player = player;
		this.clock = clock;
		this.calls = calls;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) throws AgiException {
		String callId = request.getUniqueId();
		boolean held = queue.holds(callId);
		if (held) {
			queue.ringResult(callId, ringResult(request.getParameter("ring")));
		}
		Optional<Call> known = held ? calls.get(callId) : Optional.empty();
		if (known.isPresent()) {
			player.play(channel, callId, known.get(), walks.stillInTheQueue(callId, known.get()), null);
			return;
		}
		// A channel that names no language we know hears Dutch, as a channel without one always did.
		Language language = ChannelVariable.language(channel).orElse(Language.DUTCH);
		long helplineId = Long.parseLong(ChannelVariable.HELPLINE_ID.get(channel));
		Instant queuedAt = ChannelVariable.queuedAt(channel).orElseGet(clock::instant);
		// Remembered here from now on, so that its end leaves a whole record (with its pseudonym).
		Call call = calls.getOrStart(callId,
				() -> new Call(helplineId, queuedAt, CallerNumber.of(request.getCallerIdNumber()), language));
		CallWalk walk = held ? walks.stillInTheQueue(callId, call)
				: walks.backToItsPlace(callId, call, ChannelVariable.callerGroup(channel), language, queuedAt,
						Entry.BACK_FROM_RING);
		player.play(channel, callId, call, walk, null);
	}

	/**
	 * Asterisk's DIALSTATUS after a Dial that was not answered. BUSY is the phone's own 486
	 * (declined, do-not-disturb); CONGESTION is the network's trouble, so the phone is unreachable.
	 */
	static RingResult ringResult(String dialStatus) {
		return switch (dialStatus == null ? "" : dialStatus) {
			case "NOANSWER" -> RingResult.NO_ANSWER;
			case "BUSY" -> RingResult.BUSY;
			case "CANCEL" -> RingResult.CALLER_HUNG_UP;
			default -> RingResult.UNAVAILABLE;
		};
	}

}
