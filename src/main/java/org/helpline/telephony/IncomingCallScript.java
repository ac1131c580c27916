package org.helpline.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.callflow.CallDecision;
import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.IncomingCallFlow;
import org.helpline.callflow.PromptCatalogue;
import org.helpline.contact.CallOutcome;
import org.helpline.contact.CompletedCall;
import org.helpline.contact.ContactRecords;
import org.helpline.menu.Menu;
import org.helpline.menu.MenuStep;
import org.helpline.menu.MenuWalk;
import org.helpline.menu.Menus;
import org.helpline.privacy.CallerNumber;
import org.helpline.routing.CallQueue;
import org.jspecify.annotations.Nullable;
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

	private final Menus menus;

	private final MenuPlayer menuPlayer;

	private final PromptPlayer prompts;

	private final Bookkeeping bookkeeping;

	IncomingCallScript(IncomingCallFlow flow, CallQueue queue, QueueWait waiting, CallsInProgress calls,
			ContactRecords records, Menus menus, MenuPlayer menuPlayer, PromptPlayer prompts, Clock clock,
			MeterRegistry meters, Bookkeeping bookkeeping) {
		this.bookkeeping = bookkeeping;
		this.flow = flow;
		this.menus = menus;
		this.menuPlayer = menuPlayer;
		this.prompts = prompts;
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
			CompletedCall call = new CompletedCall(announce.helplineId(), startedAt,
					CallerNumber.of(request.getCallerIdNumber()), null, null, Duration.ZERO, null, null, null,
					CallOutcome.OUT_OF_HOURS, "phone");
			bookkeeping.store("record", () -> records.recordCall(call), id -> {
			});
		}
	}

	/**
	 * Welcomes the caller, lets them choose in the helpline's menu and queues them. The entry
	 * time and the choice travel with the call, so a caller whose session is retried (service
	 * restart, failed ring) keeps their place and is not asked again.
	 */
	private void queueForCounsellor(AgiRequest request, AgiChannel channel, Connect connect, Instant startedAt)
			throws AgiException {
		String callId = request.getUniqueId();
		Optional<Instant> queuedBefore = queuedAt(channel);
		CallInProgress call = calls.getOrStart(callId, () -> new CallInProgress(connect.helplineId(), startedAt,
				CallerNumber.of(request.getCallerIdNumber()), connect.language()));
		// Set before the menu: a caller who hangs up in it still leaves their one record.
		channel.setVariable("HELPLINE_ID", Long.toString(connect.helplineId()));
		channel.answer();
		if (queuedBefore.isPresent()) {
			enqueue(channel, callId, call, connect, earlierChoice(channel, connect), queuedBefore.get());
			waiting.serve(channel, callId, call.language());
			return;
		}
		Menu menu = menus.current(connect.helplineId());
		MenuWalk walk = MenuWalk.start(menu, connect.language());
		if (menu.choice() == null) {
			welcomeInTheQueue(channel, callId, call, connect, walk);
			return;
		}
		MenuStep.Queue choice = choose(channel, call, walk);
		if (choice != null) {
			enqueue(channel, callId, call, connect, choice, clock.instant());
			waiting.serve(channel, callId, choice.language());
		}
	}

	/**
	 * Nothing to choose: the caller is queued before the welcome, so a counsellor free now is
	 * claimed while it plays and rings the moment it ends.
	 */
	private void welcomeInTheQueue(AgiChannel channel, String callId, CallInProgress call, Connect connect,
			MenuWalk walk) throws AgiException {
		enqueue(channel, callId, call, connect, new MenuStep.Queue(null, walk.language()), clock.instant());
		try {
			menuPlayer.play(channel, walk);
		}
		catch (AgiException ex) {
			queue.leave(callId);
			throw ex;
		}
		waiting.serve(channel, callId, walk.language());
	}

	/** Joins the queue with the caller's choice; the channel remembers it for later sessions. */
	private void enqueue(AgiChannel channel, String callId, CallInProgress call, Connect connect,
			MenuStep.Queue choice, Instant enteredAt) throws AgiException {
		call.chose(choice.callerGroup());
		call.speaks(choice.language());
		call.queued(enteredAt);
		String tag = CallerTag.of(records.earlierCallsThisYear(connect.helplineId(), call.caller(), enteredAt),
				choice.language());
		call.tagged(tag);
		channel.setVariable("HELPLINE_QUEUED_AT", Long.toString(enteredAt.toEpochMilli()));
		channel.setVariable("HELPLINE_CALLER_GROUP", choice.callerGroup() == null ? "" : choice.callerGroup());
		channel.setVariable("HELPLINE_CALLERID_NAME", CallerTag.displayName(connect.helpline(), choice.callerGroup(),
				tag, choice.language()));
		channel.setVariable("HELPLINE_CALLERID_NUM", connect.callerIdNumber());
		channel.setVariable("HELPLINE_LANGUAGE", choice.language());
		queue.join(callId, connect.helplineId(), choice.callerGroup(), choice.language(), enteredAt);
	}

	/** The caller's way through the menu; null when it ended the call (the dialplan hangs up). */
	private MenuStep.@Nullable Queue choose(AgiChannel channel, CallInProgress call, MenuWalk walk) throws AgiException {
		MenuStep end;
		try {
			end = menuPlayer.play(channel, walk);
		}
		catch (AgiHangupException ex) {
			call.endAs(CallOutcome.ABANDONED_IN_MENU);
			throw ex;
		}
		if (end instanceof MenuStep.Queue queued) {
			return queued;
		}
		call.endAs(CallOutcome.INFORMED_IN_MENU);
		channel.setVariable("HELPLINE_OUTCOME", "informed");
		channel.setVariable("HELPLINE_ACTION", "closed");
		return null;
	}

	/** What the caller chose before this session, as the channel remembers it. */
	private static MenuStep.Queue earlierChoice(AgiChannel channel, Connect connect) throws AgiException {
		String language = channel.getVariable("HELPLINE_LANGUAGE");
		return new MenuStep.Queue(callerGroup(channel.getVariable("HELPLINE_CALLER_GROUP")),
				language == null || !PromptCatalogue.LANGUAGES.contains(language) ? connect.language() : language);
	}

	/** The caller group a channel variable names; null for none (or anything that is not a group's name). */
	static @Nullable String callerGroup(String variable) {
		return variable == null || !variable.matches("[A-Z_]{1,40}") ? null : variable;
	}

	/** When the call first joined the queue, if it did before (the channel remembers). */
	static Optional<Instant> queuedAt(AgiChannel channel) throws AgiException {
		String queuedAt = channel.getVariable("HELPLINE_QUEUED_AT");
		if (queuedAt != null && queuedAt.matches("[0-9]{1,15}")) {
			return Optional.of(Instant.ofEpochMilli(Long.parseLong(queuedAt)));
		}
		return Optional.empty();
	}

	private void announce(AgiChannel channel, Announce announce) throws AgiException {
		channel.answer();
		prompts.play(channel, announce.prompts());
		channel.setVariable("HELPLINE_OUTCOME", announce.outcome().tag());
		channel.setVariable("HELPLINE_ACTION", announce.helpline() == null ? "unknown" : "closed");
	}

	/** The helpline number dialled, as the dialplan passes it; never the caller's number. */
	private static String dialledNumber(AgiRequest request) {
		String dialled = request.getParameter("dialled");
		return dialled != null ? dialled : request.getExtension();
	}

}
