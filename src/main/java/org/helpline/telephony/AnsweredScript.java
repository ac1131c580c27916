package org.helpline.telephony;

import java.time.Clock;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.routing.CallQueue;
import org.helpline.routing.CounsellorCalls;
import org.helpline.routing.RingResult;

import org.springframework.stereotype.Component;

/**
 * The {@code answered} script, run by Dial's U() option on the counsellor's channel the moment
 * they answer ({@code call=} the caller's unique id): the counsellor is on the call from now,
 * and the time to answer ends here, not when the conversation does.
 */
@Component
class AnsweredScript implements AgiScript {

	static final String NAME = "answered";

	private final CallQueue queue;

	private final CallsInProgress calls;

	private final CounsellorCalls counsellorCalls;

	private final Clock clock;

	AnsweredScript(CallQueue queue, CallsInProgress calls, CounsellorCalls counsellorCalls, Clock clock) {
		this.queue = queue;
		this.calls = calls;
		this.counsellorCalls = counsellorCalls;
		this.clock = clock;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) {
		String callId = request.getParameter("call");
		if (callId != null) {
			calls.get(callId).ifPresent(call -> {
				call.answered(clock.instant());
				if (call.counsellorId() != null) {
					counsellorCalls.answered(call.counsellorId(), call.asAnswered());
				}
			});
			queue.ringResult(callId, RingResult.ANSWERED);
		}
	}

}
