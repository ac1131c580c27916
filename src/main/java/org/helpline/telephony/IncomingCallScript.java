package org.helpline.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.caller.Language;
import org.helpline.callflow.Call;
import org.helpline.callflow.CallDecision;
import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.CallStep.Queue.Entry;
import org.helpline.callflow.CallWalk;
import org.helpline.callflow.CallWalks;
import org.helpline.callflow.IncomingCallFlow;
import org.helpline.privacy.CallerNumber;
import org.helpline.prompts.PromptCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@code incoming} script: asks the call flow what a new call hears and plays its
 * {@link CallWalk}. One shared instance serves every call, so it keeps no per-call state in
 * fields.
 */
@Component
class IncomingCallScript implements AgiScript {

	static final String NAME = "incoming";

	private static final Logger log = LoggerFactory.getLogger(IncomingCallScript.class);

	private final IncomingCallFlow flow;

	private final CallWalks walks;

	private final CallPlayer player;

	private final CallsInProgress calls;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Bookkeeping bookkeeping;

	private final ApplicationEventPublisher events;

	IncomingCallScript(IncomingCallFlow flow, CallWalks walks, CallPlayer player, CallsInProgress calls, Clock clock,
			MeterRegistry meters, Bookkeeping bookkeeping, ApplicationEventPublisher events) {
		this.flow = flow;
		this.walks = walks;
		this.player = player;
		this.calls = calls;
		this.clock = clock;
		this.meters = meters;
		this.bookkeeping = bookkeeping;
		this.events = events;
	}

	@Override
	public void service(AgiRequest request, AgiChannel channel) throws AgiException {
		// Answered first, so the caller's 200 OK waits for no decision; and here, not in the
		// dialplan, so that while a frozen node is passed over the caller hears ringing, not silence.
		channel.answer();
		Instant startedAt = clock.instant();
		CallDecision decision = flow.decide(dialledNumber(request), startedAt);
		meters.counter("helpline.calls", "outcome", decision.outcome().tag()).increment();
		log.info("Incoming call: {}", decision.outcome().tag());
		switch (decision) {
			case Connect connect -> connect(request, channel, connect, startedAt);
			case Announce announce -> announce(request, channel, announce, startedAt);
		}
	}

	/** A call to a closed line is over once it is told so, whether or not it listened to the end. */
	private void announce(AgiRequest request, AgiChannel channel, Announce announce, Instant startedAt)
			throws AgiException {
		CallWalk walk = walks.toClosedLine(request.getUniqueId(), announce, startedAt,
				CallerNumber.of(request.getCallerIdNumber()));
		try {
			player.play(channel, walk);
		}
		finally {
			walk.closedLineRecord().ifPresent(record -> bookkeeping.store("record", () -> {
				events.publishEvent(record);
				return true;
			}, told -> {
			}));
		}
	}

	/**
	 * An open line: the menu, then the queue. The entry time and the choice travel with the
	 * call, so a caller whose session is retried (service restart, failed ring) keeps their
	 * place and is not asked again.
	 */
	private void connect(AgiRequest request, AgiChannel channel, Connect connect, Instant startedAt)
			throws AgiException {
		String callId = request.getUniqueId();
		Optional<Instant> queuedBefore = ChannelVariable.queuedAt(request, channel);
		Call call = calls.getOrStart(callId, () -> new Call(connect.helplineId(), startedAt,
				CallerNumber.of(request.getCallerIdNumber()), Language.required(connect.language())));
		CallWalk walk = queuedBefore.isPresent()
				? walks.backToItsPlace(callId, call, ChannelVariable.callerGroup(channel),
						earlierLanguage(channel, call), queuedBefore.get(), Entry.SESSION_RETRIED)
				: walks.throughTheMenu(callId, call);
		player.play(channel, callId, call, walk, connect);
	}

	/** The language the caller chose before this session, as the channel remembers it. */
	private static Language earlierLanguage(AgiChannel channel, Call call) throws AgiException {
		return ChannelVariable.language(channel)
			.filter(chosen -> PromptCatalogue.LANGUAGES.contains(chosen.code()))
			.orElse(call.helplineLanguage());
	}

	/** The helpline number dialled, as the dialplan passes it; never the caller's number. */
	private static String dialledNumber(AgiRequest request) {
		String dialled = request.getParameter("dialled");
		return dialled != null ? dialled : request.getExtension();
	}

}
