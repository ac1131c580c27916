package org.helpline.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.callflow.Call;
import org.helpline.callflow.CallEnded;
import org.helpline.contact.CompletedCall;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@code ended} script, run from the caller's hangup handler
 * ({@code dialstatus=${DIALSTATUS}&talk=${ANSWEREDTIME}&fallback=${HELPLINE_FALLBACK}}): the
 * call's one anonymised record is made, as a technical failure when the dialplan had to give up
 * on the backend, and its end is told as {@link CallEnded}: routing lets go of the call and the
 * record is written where they listen, not by ids passed from here.
 */
@Component
class EndedScript implements AgiScript {

	static final String NAME = "ended";

	private final ApplicationEventPublisher events;

	private final CallsInProgress calls;

	private final Clock clock;

	private final Bookkeeping bookkeeping;

	EndedScript(ApplicationEventPublisher events, CallsInProgress calls, Clock clock, Bookkeeping bookkeeping) {
		this.bookkeeping = bookkeeping;
		this.events = events;
		this.calls = calls;
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
			calls.get(callId).ifPresent(call -> call.leftWhileWaiting());
		}
		@Nullable Duration talk = seconds(request.getParameter("talk"));
		Call call = calls.end(callId).orElse(null);
		if (call != null && gaveUpOnUs(request, answered)) {
			call.dialplanGaveUp();
		}
		CompletedCall completed = call != null ? call.completed(clock.instant(), talk)
				: forgotten(channel, answered, talk, gaveUpOnUs(request, answered));
		// The record, and with it the counsellor's wrap-up, waits for a slow database after
		// Asterisk has let the caller go.
		bookkeeping.store("record", () -> {
			events.publishEvent(new CallEnded(callId, completed));
			return true;
		}, told -> {
		});
	}

	/** A call this instance does not remember (it restarted meanwhile): still one record. */
	private @Nullable CompletedCall forgotten(AgiChannel channel, boolean answered, @Nullable Duration talk,
			boolean ourFailure)
			throws AgiException {
		Optional<Long> helpline = ChannelVariable.helplineId(channel);
		if (helpline.isEmpty()) {
			return null;
		}
		Instant queuedAt = ChannelVariable.queuedAt(channel).orElseGet(clock::instant);
		return Call.forgotten(helpline.get(), queuedAt, answered, ourFailure, talk);
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
