package org.helpline.telephony;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.callflow.CallDecision;
import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.IncomingCallFlow;
import org.helpline.callflow.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The {@code incoming} script: translates the call flow's decision into AGI commands and the
 * channel variables the dialplan acts on (see asterisk-config/extensions.conf). One shared
 * instance serves every call, so it keeps no per-call state in fields.
 */
@Component
class IncomingCallScript implements AgiScript {

	static final String NAME = "incoming";

	private static final Logger log = LoggerFactory.getLogger(IncomingCallScript.class);

	private final IncomingCallFlow flow;

	private final Clock clock;

	private final MeterRegistry meters;

	IncomingCallScript(IncomingCallFlow flow, Clock clock, MeterRegistry meters) {
		this.flow = flow;
		this.clock = clock;
		this.meters = meters;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) throws AgiException {
		CallDecision decision = flow.decide(dialledNumber(request), clock.instant());
		meters.counter("helpline.calls", "outcome", decision.outcome().tag()).increment();
		log.info("Incoming call: {}", decision.outcome().tag());
		switch (decision) {
			case Connect connect -> handOn(channel, connect);
			case Announce announce -> announce(channel, announce);
		}
	}

	private static void handOn(AgiChannel channel, Connect connect) throws AgiException {
		channel.setVariable("HELPLINE_DESTINATION", connect.destination());
		channel.setVariable("HELPLINE_RING_TIMEOUT", Integer.toString(connect.ringTimeoutSeconds()));
		channel.setVariable("HELPLINE_CALLERID_NAME", connect.callerIdName());
		channel.setVariable("HELPLINE_CALLERID_NUM", connect.callerIdNumber());
		channel.setVariable("HELPLINE_LANGUAGE", connect.language());
		channel.setVariable("HELPLINE_ACTION", "open");
	}

	private static void announce(AgiChannel channel, Announce announce) throws AgiException {
		channel.answer();
		for (Prompt prompt : announce.prompts()) {
			channel.streamFile(prompt.file());
		}
		channel.setVariable("HELPLINE_OUTCOME", announce.outcome().tag());
		channel.setVariable("HELPLINE_ACTION", announce.helpline() == null ? "unknown" : "closed");
	}

	/** The helpline number dialled, as the dialplan passes it; never the caller's number. */
	private static String dialledNumber(AgiRequest request) {
		String dialled = request.getParameter("dialled");
		return dialled != null ? dialled : request.getExtension();
	}

}
