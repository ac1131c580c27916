package org.helpline.telephony;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.routing.CallQueue;

import org.springframework.stereotype.Component;

/**
 * The {@code ended} script, run from the caller's hangup handler: an answered call sends its
 * counsellor to wrap-up; any other call leaves the queue (if the AMI has not removed it yet).
 */
@Component
class EndedScript implements AgiScript {

	static final String NAME = "ended";

	private final CallQueue queue;

	EndedScript(CallQueue queue) {
		this.queue = queue;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) {
		String callId = request.getUniqueId();
		if ("ANSWER".equals(request.getParameter("dialstatus"))) {
			queue.callEnded(callId);
		}
		else {
			queue.leave(callId);
		}
	}

}
