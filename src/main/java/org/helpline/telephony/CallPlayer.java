package org.helpline.telephony;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.helpline.caller.CallerGroup;
import org.helpline.callflow.Call;
import org.helpline.callflow.CallDecision.Connect;
import org.helpline.callflow.CallStep;
import org.helpline.callflow.CallWalk;
import org.helpline.callflow.MenuStep;
import org.helpline.contact.ContactRecords;
import org.helpline.prompts.Prompt;
import org.helpline.routing.CallQueue;
import org.helpline.routing.Offer;
import org.helpline.routing.QueueOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Plays a {@link CallWalk} over AGI: prompts and keys, which Asterisk hands over the same way
 * whether the phone sent them in the media (RFC 2833/4733) or as SIP INFO; joining and waiting
 * in the queue; and the channel variables the dialplan acts on when the walk hands the call
 * back (see asterisk-config/extensions.conf). The walk decides; this class only plays.
 */
@Component
class CallPlayer {

	private static final Logger log = LoggerFactory.getLogger(CallPlayer.class);

	/** One virtual thread per lookup: it parks on the database, never on a pool. */
	private static final Executor LOOKUPS = task -> Thread.ofVirtual().name("caller-tag").start(task);

	private final PromptPlayer prompts;

	private final QueueWait waiting;

	private final CallQueue queue;

	private final ContactRecords records;

	private final CounsellorPhones phones;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	CallPlayer(PromptPlayer prompts, QueueWait waiting, CallQueue queue, ContactRecords records,
			CounsellorPhones phones, MeterRegistry meters, ApplicationEventPublisher events) {
		this.prompts = prompts;
		this.waiting = waiting;
		this.queue = queue;
		this.records = records;
		this.phones = phones;
		this.meters = meters;
		this.events = events;
	}

	/**
	 * Plays the walk until it hands the call back to the dialplan. A caller who hangs up (or a
	 * session that breaks) gives up their place in the queue at once.
	 * @param connect the decision that opened the call; {@code null} for a caller back from a ring
	 */
	void play(AgiChannel channel, String callId, Call call, CallWalk walk, @Nullable Connect connect)
			throws AgiException {
		Session session = new Session();
		if (connect != null) {
			// Told before the menu: a caller who hangs up in it still leaves their one record.
			session.untold.put(ChannelVariable.HELPLINE_ID, Long.toString(call.helplineId()));
		}
		try {
			playUntilHandedBack(channel, callId, call, walk, connect, session);
		}
		catch (AgiHangupException ex) {
			session.settle();
			walk.hungUp().ifPresent(events::publishEvent);
			throw ex;
		}
		catch (AgiException ex) {
			session.settle();
			walk.lost().ifPresent(events::publishEvent);
			throw ex;
		}
		catch (RuntimeException ex) {
			session.settle();
			walk.failed().ifPresent(events::publishEvent);
			throw ex;
		}
	}

	/** A closed line's walk: its message and its end; nobody is queued. */
	void play(AgiChannel channel, CallWalk walk) throws AgiException {
		while (true) {
			switch (walk.next()) {
				case MenuStep.Say say -> prompts.play(channel, say.prompts());
				case CallStep.End end -> {
					ChannelVariable.setAll(channel, handBack(end));
					return;
				}
				case CallStep step -> throw new IllegalStateException("a closed line plays no " + step);
			}
		}
	}

	private void playUntilHandedBack(AgiChannel channel, String callId, Call call, CallWalk walk,
			@Nullable Connect connect, Session session) throws AgiException {
		while (true) {
			CallStep step = walk.next();
			log.debug("Call {}: {}", callId, step.getClass().getSimpleName());
			switch (step) {
				case MenuStep.Say say -> {
					session.tell(channel, Map.of());
					prompts.play(channel, say.prompts());
				}
				case MenuStep.Ask ask -> {
					session.tell(channel, Map.of());
					walk.pressed(ask(channel, ask));
				}
				case CallStep.Queue join -> join(channel, callId, call, join, connect, session);
				case CallStep.Wait wait -> {
					session.tell(channel, Map.of());
					session.joined();
					session.offer = waitForCounsellor(channel, callId, walk, wait);
				}
				case CallStep.Dial dial -> {
					session.tell(channel, dial(Objects.requireNonNull(session.offer, "dialled without an offer"),
							session.shownName()));
					return;
				}
				case CallStep.End end -> {
					session.tell(channel, handBack(end));
					return;
				}
			}
		}
	}

	/**
	 * Joins the queue on a virtual thread, so that the caller hears the welcome while a free
	 * counsellor is claimed (database round trips); a caller new to the queue gets the channel
	 * variables a later session needs, and the name the counsellor's phone will show is looked
	 * up on a virtual thread of its own.
	 */
	private void join(AgiChannel channel, String callId, Call call, CallStep.Queue join, @Nullable Connect connect,
			Session session) throws AgiException {
		session.joining = CompletableFuture.runAsync(
				() -> queue.join(callId, call.helplineId(), join.callerGroup(), join.language(), join.enteredAt()),
				LOOKUPS);
		if (join.entry() == CallStep.Queue.Entry.BACK_FROM_RING) {
			session.tell(channel, Map.of());
			return;
		}
		Connect decided = Objects.requireNonNull(connect, "a caller new to the queue comes with its decision");
		session.shownName = CompletableFuture.supplyAsync(() -> shownName(call, join, decided), LOOKUPS);
		session.uncountedName = CallerTag.displayName(decided.helpline(), join.callerGroup(),
				CallerTag.unknown(join.language()), join.language());
		if (join.entry() == CallStep.Queue.Entry.FROM_MENU) {
			meters.counter("helpline.menu", "result", "queue").increment();
		}
		@Nullable CallerGroup group = join.callerGroup();
		Map<ChannelVariable, String> told = new LinkedHashMap<>();
		told.put(ChannelVariable.HELPLINE_QUEUED_AT, Long.toString(join.enteredAt().toEpochMilli()));
		told.put(ChannelVariable.HELPLINE_CALLER_GROUP, group == null ? "" : group.code());
		told.put(ChannelVariable.HELPLINE_CALLERID_NUM, decided.callerIdNumber());
		told.put(ChannelVariable.HELPLINE_LANGUAGE, join.language().code());
		session.tell(channel, told);
	}

	/** The helpline, the caller's choice and how often they called this year; never the number. */
	private String shownName(Call call, CallStep.Queue join, Connect connect) {
		String tag;
		try {
			tag = CallerTag.of(records.earlierCallsThisYear(call.helplineId(), call.caller(), join.enteredAt()),
					join.language());
		}
		catch (RuntimeException ex) {
			// The counsellor is rung all the same; only the count is missing.
			log.warn("Could not count the caller's earlier calls: {}", ex.getClass().getSimpleName());
			tag = CallerTag.unknown(join.language());
		}
		call.tagged(tag);
		return CallerTag.displayName(connect.helpline(), join.callerGroup(), tag, join.language());
	}

	private @Nullable Offer waitForCounsellor(AgiChannel channel, String callId, CallWalk walk, CallStep.Wait wait)
			throws AgiException {
		switch (waiting.serve(channel, callId, wait.language().code())) {
			case QueueOutcome.Offered offered -> {
				walk.offered(offered.offer().counsellorId());
				return offered.offer();
			}
			case QueueOutcome.Overflow overflow -> walk.overflowed();
			case QueueOutcome.NobodyAvailable nobody -> walk.nobodyAvailable();
			case QueueOutcome.StillWaiting still -> throw new IllegalStateException("the wait ends only with an answer");
		}
		return null;
	}

	/** What the dialplan needs to ring the counsellor. */
	private Map<ChannelVariable, String> dial(Offer offer, @Nullable String shownName) {
		Map<ChannelVariable, String> told = new LinkedHashMap<>();
		told.put(ChannelVariable.HELPLINE_DESTINATION, phones.dialString(offer));
		told.put(ChannelVariable.HELPLINE_RING_TIMEOUT, Integer.toString(offer.ringTimeoutSeconds()));
		told.put(ChannelVariable.HELPLINE_ACTION, "open");
		if (shownName != null) {
			told.put(ChannelVariable.HELPLINE_CALLERID_NAME, shownName);
		}
		return told;
	}

	/** What the dialplan needs to end the call. */
	private Map<ChannelVariable, String> handBack(CallStep.End end) {
		if (end.outcome().equals("informed")) {
			meters.counter("helpline.menu", "result", "informed").increment();
		}
		Map<ChannelVariable, String> told = new LinkedHashMap<>();
		told.put(ChannelVariable.HELPLINE_OUTCOME, end.outcome());
		told.put(ChannelVariable.HELPLINE_ACTION, end.knownHelpline() ? "closed" : "unknown");
		return told;
	}

	/** The key the caller pressed during (when allowed) or after the prompts, or null for none. */
	private @Nullable String ask(AgiChannel channel, MenuStep.Ask ask) throws AgiException {
		for (Prompt prompt : ask.prompts()) {
			char key = ask.interruptible() ? prompts.playUntilKey(channel, prompt, ask.digits())
					: prompts.playWhole(channel, prompt);
			if (key != 0) {
				return String.valueOf(key);
			}
		}
		char key = channel.waitForDigit((int) ask.timeout().toMillis());
		return key == 0 ? null : String.valueOf(key);
	}

	/** What one session of a call carries from step to step. */
	private static final class Session {

		private static final Duration NAME_WAIT = Duration.ofSeconds(1);

		private @Nullable CompletableFuture<Void> joining;

		/** Null: the channel knows it already. */
		private @Nullable CompletableFuture<String> shownName;

		/** What the phone shows when the count of earlier calls comes too late. */
		private @Nullable String uncountedName;

		private @Nullable Offer offer;

		/**
		 * Variables to set with the next ones: each set of them costs a round trip, and the
		 * welcome or the counsellor's ring waits for it.
		 */
		private final Map<ChannelVariable, String> untold = new LinkedHashMap<>();

		/** Sets what is untold together with these, before the step that needs them plays. */
		void tell(AgiChannel channel, Map<ChannelVariable, String> values) throws AgiException {
			untold.putAll(values);
			if (!untold.isEmpty()) {
				ChannelVariable.setAll(channel, untold);
				untold.clear();
			}
		}

		/** Waits until the caller is in the queue; what failed there fails the call. */
		void joined() {
			outcome(joining);
		}

		/**
		 * The name the counsellor's phone shows. Once a counsellor is claimed the ring waits at
		 * most {@link #NAME_WAIT} for the count of earlier calls: a slow database (its statement
		 * timeout is 30 s) must not keep the caller from their counsellor. Late, the phone shows
		 * the count as unknown.
		 */
		@Nullable String shownName() {
			if (shownName == null || uncountedName == null) {
				return outcome(shownName);
			}
			return outcome(shownName.completeOnTimeout(uncountedName, NAME_WAIT.toMillis(), TimeUnit.MILLISECONDS));
		}

		/** Before the caller leaves: a join still under way must not put them back afterwards. */
		void settle() {
			if (joining != null) {
				joining.handle((done, failure) -> done).join();
			}
		}

		private static <T> @Nullable T outcome(@Nullable CompletableFuture<T> work) {
			if (work == null) {
				return null;
			}
			try {
				return work.join();
			}
			catch (CompletionException ex) {
				throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
			}
		}

	}

}
