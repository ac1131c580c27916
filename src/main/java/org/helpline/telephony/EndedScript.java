package org.helpline.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.contact.ContactRecords;
import org.helpline.privacy.CallerNumber;
import org.helpline.routing.CallQueue;
import org.helpline.routing.CounsellorCalls;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code ended} script, run from the caller's hangup handler
 * ({@code dialstatus=${DIALSTATUS}&talk=${ANSWEREDTIME}&fallback=${HELPLINE_FALLBACK}}): an
 * answered call sends its counsellor to wrap-up, any other call leaves the queue, and the
 * call's one anonymised record is written, as a technical failure when the dialplan had to
 * give up on the backend.
 */
@Component
class EndedScript implements AgiScript {

	static final String NAME = "ended";

	private final CallQueue queue;

	private final CallsInProgress calls;

	private final ContactRecords records;

	private final CounsellorCalls counsellorCalls;

	private final Clock clock;

	private final Bookkeeping bookkeeping;

	EndedScript(CallQueue queue, CallsInProgress calls, ContactRecords records, CounsellorCalls counsellorCalls,
			Clock clock, Bookkeeping bookkeeping) {
		this.bookkeeping = bookkeeping;
		this.queue = queue;
		this.calls = calls;
		this.records = records;
		this.counsellorCalls = counsellorCalls;
		this.clock = clock;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) throws AgiException {
		String callId = request.getUniqueId();
		if (calls.hasEnded(callId)) {
			return;
		}
		boolean answered = "ANSWER".equals(request.getParameter("dialstatus"));
		if (!answered) {
			// Said before the queue lets go of the call: the waiting script, woken by that, would
			// read the empty place as an overflow. (AMI's hang-up event may come after this.)
			calls.get(callId).ifPresent(call -> call.endAs(CallOutcome.ABANDONED_WAITING));
		}
		Duration talk = seconds(request.getParameter("talk"));
		CallInProgress call = calls.end(callId).orElse(null);
		if (call != null && gaveUpOnUs(request, answered)) {
			call.endAsOurFailure();
		}
		CompletedCall completed = call != null ? call.completed(clock.instant(), talk)
				: forgotten(channel, answered, talk, gaveUpOnUs(request, answered));
		// The queue's part (the counsellor's wrap-up) writes to the database too: with the record,
		// after Asterisk has let the caller go if the database is slow.
		bookkeeping.store("record", () -> {
			if (answered) {
				queue.callEnded(callId);
			}
			else {
				queue.leave(callId);
			}
			return completed == null ? null : records.recordCall(completed);
		}, contactId -> {
			if (contactId != null && completed != null && completed.counsellorId() != null) {
				counsellorCalls.ended(completed.counsellorId(), contactId);
			}
		});
	}

	/**
	 * A call this instance does not remember (it restarted meanwhile): still one record, from
	 * what the channel carries; who called is lost, so it counts as withheld.
	 */
	private @Nullable CompletedCall forgotten(AgiChannel channel, boolean answered, @Nullable Duration talk, boolean ourFailure)
			throws AgiException {
		String helpline = channel.getVariable("HELPLINE_ID");
		if (helpline == null || !helpline.matches("[0-9]{1,18}")) {
			return null;
		}
		Instant queuedAt = IncomingCallScript.queuedAt(channel).orElseGet(clock::instant);
		CallOutcome outcome = answered ? CallOutcome.ANSWERED
				: ourFailure ? CallOutcome.TECHNICAL_FAILURE : CallOutcome.ABANDONED_WAITING;
		return new CompletedCall(Long.parseLong(helpline), queuedAt, CallerNumber.withheld(), null, null, null, null,
				answered ? talk : null, null, outcome, "phone");
	}

	/**
	 * The dialplan reached its last fallback ({@code fallback=final}: the backend failed twice and
	 * the caller heard "sorry", or was sent to the fallback group): a call nobody answered ended
	 * because our side failed, not because the caller gave up.
	 */
	private static boolean gaveUpOnUs(AgiRequest request, boolean answered) {
		return !answered && "final".equals(request.getParameter("fallback"));
	}

	private static @Nullable Duration seconds(String value) {
		return value != null && value.matches("[0-9]{1,9}") ? Duration.ofSeconds(Long.parseLong(value)) : null;
	}

}
