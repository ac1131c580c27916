package org.helpline.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.callflow.Call;
import org.helpline.callflow.CallDecision;
import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.CallEnded;
import org.helpline.callflow.CallerLeft;
import org.helpline.callflow.IncomingCallFlow;
import org.helpline.callflow.MenuStep;
import org.helpline.callflow.MenuWalk;
import org.helpline.contact.CompletedCall;
import org.helpline.contact.ContactRecords;
import org.helpline.menu.Menu;
import org.helpline.menu.Menus;
import org.helpline.privacy.CallerNumber;
import org.helpline.prompts.PromptCatalogue;
import org.helpline.routing.CallQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	IncomingCallScript(IncomingCallFlow flow, CallQueue queue, QueueWait waiting, CallsInProgress calls,
			ContactRecords records, Menus menus, MenuPlayer menuPlayer, PromptPlayer prompts, Clock clock,
			MeterRegistry meters, Bookkeeping bookkeeping, ApplicationEventPublisher events) {
		this.bookkeeping = bookkeeping;
		this.events = events;
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
			CompletedCall call = Call.toClosedLine(announce.helplineId(), startedAt,
					CallerNumber.of(request.getCallerIdNumber()));
			bookkeeping.store("record", () -> {
				events.publishEvent(new CallEnded(request.getUniqueId(), call));
				return true;
			}, told -> {
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
		Optional<Instant> queuedBefore = ChannelVariable.queuedAt(channel);
		Call call = calls.getOrStart(callId, () -> new Call(connect.helplineId(), startedAt,
				CallerNumber.of(request.getCallerIdNumber()), Language.required(connect.language())));
		// Set before the menu: a caller who hangs up in it still leaves their one record.
		ChannelVariable.HELPLINE_ID.set(channel, Long.toString(connect.helplineId()));
		channel.answer();
		if (queuedBefore.isPresent()) {
			enqueue(channel, callId, call, connect, earlierChoice(channel, connect), queuedBefore.get());
			waiting.serve(channel, callId, call.language().code());
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
			waiting.serve(channel, callId, choice.language().code());
		}
	}

	/**
	 * Nothing to choose: the caller is queued before the welcome, so a counsellor free now is
	 * claimed while it plays and rings the moment it ends.
	 */
	private void welcomeInTheQueue(AgiChannel channel, String callId, Call call, Connect connect,
			MenuWalk walk) throws AgiException {
		enqueue(channel, callId, call, connect, MenuStep.Queue.of(null, walk.language()), clock.instant());
		try {
			menuPlayer.play(channel, walk);
		}
		catch (AgiException ex) {
			events.publishEvent(new CallerLeft(callId));
			throw ex;
		}
		waiting.serve(channel, callId, walk.language());
	}

	/** Joins the queue with the caller's choice; the channel remembers it for later sessions. */
	private void enqueue(AgiChannel channel, String callId, Call call, Connect connect,
			MenuStep.Queue choice, Instant enteredAt) throws AgiException {
		call.chose(choice.callerGroup());
		call.speaks(choice.language());
		call.queued(enteredAt);
		String tag = CallerTag.of(records.earlierCallsThisYear(connect.helplineId(), call.caller(), enteredAt),
				choice.language());
		call.tagged(tag);
		ChannelVariable.HELPLINE_QUEUED_AT.set(channel, Long.toString(enteredAt.toEpochMilli()));
		@Nullable CallerGroup group = choice.callerGroup();
		ChannelVariable.HELPLINE_CALLER_GROUP.set(channel, group == null ? "" : group.code());
		ChannelVariable.HELPLINE_CALLERID_NAME.set(channel, CallerTag.displayName(connect.helpline(), choice.callerGroup(),
				tag, choice.language()));
		ChannelVariable.HELPLINE_CALLERID_NUM.set(channel, connect.callerIdNumber());
		ChannelVariable.HELPLINE_LANGUAGE.set(channel, choice.language().code());
		queue.join(callId, connect.helplineId(), choice.callerGroup(), choice.language(), enteredAt);
	}

	/** The caller's way through the menu; null when it ended the call (the dialplan hangs up). */
	private MenuStep.@Nullable Queue choose(AgiChannel channel, Call call, MenuWalk walk) throws AgiException {
		MenuStep end;
		try {
			end = menuPlayer.play(channel, walk);
		}
		catch (AgiHangupException ex) {
			call.leftInMenu();
			throw ex;
		}
		if (end instanceof MenuStep.Queue queued) {
			return queued;
		}
		call.informedInMenu();
		ChannelVariable.HELPLINE_OUTCOME.set(channel, "informed");
		ChannelVariable.HELPLINE_ACTION.set(channel, "closed");
		return null;
	}

	/** What the caller chose before this session, as the channel remembers it. */
	private static MenuStep.Queue earlierChoice(AgiChannel channel, Connect connect) throws AgiException {
		Language language = ChannelVariable.language(channel)
			.filter(chosen -> PromptCatalogue.LANGUAGES.contains(chosen.code()))
			.orElse(Language.required(connect.language()));
		return new MenuStep.Queue(ChannelVariable.callerGroup(channel), language);
	}

	private void announce(AgiChannel channel, Announce announce) throws AgiException {
		channel.answer();
		prompts.play(channel, announce.prompts());
		ChannelVariable.HELPLINE_OUTCOME.set(channel, announce.outcome().tag());
		ChannelVariable.HELPLINE_ACTION.set(channel, announce.helpline() == null ? "unknown" : "closed");
	}

	/** The helpline number dialled, as the dialplan passes it; never the caller's number. */
	private static String dialledNumber(AgiRequest request) {
		String dialled = request.getParameter("dialled");
		return dialled != null ? dialled : request.getExtension();
	}

}
