package org.helpline.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.contact.ContactRecords;
import org.helpline.privacy.CallerNumber;
import org.helpline.routing.CallQueue;
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

	private final CallQueue queue;

	private final QueueWait waiting;

	private final Clock clock;

	private final MeterRegistry meters;

	private final CallsInProgress calls;

	private final ContactRecords records;

	IncomingCallScript(IncomingCallFlow flow, CallQueue queue, QueueWait waiting, CallsInProgress calls,
			ContactRecords records, Clock clock, MeterRegistry meters) {
		this.flow = flow;
		this.queue = queue;
		this.waiting = waiting;
		this.calls = calls;
		this.records = records;
		this.clock = clock;
		this.meters = meters;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) throws AgiException {
		Instant startedAt = clock.instant();
		CallDecision decision = flow.decide(dialledNumber(request), startedAt);
		meters.counter("helpline.calls", "outcome", decision.outcome().tag()).increment();
		log.info("Incoming call: {}", decision.outcome().tag());
		switch (decision) {
			case Connect connect -> queueForCounsellor(request, channel, connect, startedAt);
			case Announce announce -> {
				try {
					announce(channel, announce);
				}
				finally {
					recordClosedCall(request, announce, startedAt);
				}
			}
		}
	}

	/** A call to a closed line is over once it is told so, whether or not it listened to the end. */
	private void recordClosedCall(AgiRequest request, Announce announce, Instant startedAt) {
		if (announce.helplineId() != null) {
			records.recordCall(new CompletedCall(announce.helplineId(), startedAt,
					CallerNumber.of(request.getCallerIdNumber()), null, null, Duration.ZERO, null, null, null,
					CallOutcome.OUT_OF_HOURS, "phone"));
		}
	}

	/**
	 * Welcomes the caller and queues them. The entry time travels with the call, so a caller
	 * whose session is retried (service restart, failed ring) keeps their place.
	 */
	private void queueForCounsellor(AgiRequest request, AgiChannel channel, Connect connect, Instant startedAt)
			throws AgiException {
		String callId = request.getUniqueId();
		Optional<Instant> queuedBefore = queuedAt(channel);
		Instant enteredAt = queuedBefore.orElse(startedAt);
		CallInProgress call = calls.get(callId).orElseGet(() -> {
			CallInProgress started = new CallInProgress(connect.helplineId(), startedAt,
					CallerNumber.of(request.getCallerIdNumber()), connect.language());
			calls.start(callId, started);
			return started;
		});
		call.queued(enteredAt);
		channel.setVariable("HELPLINE_ID", Long.toString(connect.helplineId()));
		channel.setVariable("HELPLINE_QUEUED_AT", Long.toString(enteredAt.toEpochMilli()));
		String tag = CallerTag.of(records.earlierCallsThisYear(connect.helplineId(), call.caller(), startedAt),
				connect.language());
		call.tagged(tag);
		channel.setVariable("HELPLINE_CALLERID_NAME", connect.helpline() + " - " + tag);
		channel.setVariable("HELPLINE_CALLERID_NUM", connect.callerIdNumber());
		channel.setVariable("HELPLINE_LANGUAGE", connect.language());
		channel.answer();
		// Queued first: a free counsellor is claimed while the welcome plays.
		queue.join(callId, connect.helplineId(), null, connect.language(), enteredAt);
		if (queuedBefore.isEmpty()) {
			QueueWait.play(channel, List.of(new Prompt(connect.language(), "welcome")));
		}
		waiting.serve(channel, callId, connect.language());
	}

	/** When the call first joined the queue, if it did before (the channel remembers). */
	static Optional<Instant> queuedAt(AgiChannel channel) throws AgiException {
		String queuedAt = channel.getVariable("HELPLINE_QUEUED_AT");
		if (queuedAt != null && queuedAt.matches("[0-9]{1,15}")) {
			return Optional.of(Instant.ofEpochMilli(Long.parseLong(queuedAt)));
		}
		return Optional.empty();
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
