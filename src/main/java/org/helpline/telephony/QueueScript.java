package org.helpline.telephony;

import java.time.Clock;
import java.time.Instant;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.callflow.Call;
import org.helpline.counsellors.RingResult;
import org.helpline.privacy.CallerNumber;
import org.helpline.routing.CallQueue;
import org.jspecify.annotations.Nullable;

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

	private final QueueWait waiting;

	private final Clock clock;

	private final CallsInProgress calls;

	QueueScript(CallQueue queue, QueueWait waiting, Clock clock, CallsInProgress calls) {
		this.calls = calls;
		this.queue = queue;
		this.waiting = waiting;
		this.clock = clock;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) throws AgiException {
		String callId = request.getUniqueId();
		// A channel that names no language we know hears Dutch, as a channel without one always did.
		Language language = ChannelVariable.language(channel).orElse(Language.DUTCH);
		if (queue.holds(callId)) {
			queue.ringResult(callId, ringResult(request.getParameter("ring")));
		}
		else {
			long helplineId = Long.parseLong(ChannelVariable.HELPLINE_ID.get(channel));
			Instant queuedAt = ChannelVariable.queuedAt(channel).orElseGet(clock::instant);
			@Nullable CallerGroup group = ChannelVariable.callerGroup(channel);
			// Remembered here from now on, so that its end leaves a whole record (with its pseudonym).
			Call call = calls.getOrStart(callId, () -> new Call(helplineId, queuedAt,
					CallerNumber.of(request.getCallerIdNumber()), language));
			call.chose(group);
			call.queued(queuedAt);
			queue.join(callId, helplineId, group, language, queuedAt);
		}
		waiting.serve(channel, callId, language.code());
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
