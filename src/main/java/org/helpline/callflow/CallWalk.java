package org.helpline.callflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallStep.Dial;
import org.helpline.callflow.CallStep.End;
import org.helpline.callflow.CallStep.Queue.Entry;
import org.helpline.callflow.CallStep.Wait;
import org.helpline.menu.Menu;
import org.helpline.privacy.CallerNumber;
import org.helpline.prompts.Prompt;
import org.jspecify.annotations.Nullable;

/**
 * One FastAGI session of a call, as steps: the telephony adapter asks {@link #next()} what to
 * do, does it, and reports what happened (a key, the queue's answer, a hang-up); the walk ends
 * with a {@link Dial} or an {@link End}, which {@code next()} then keeps returning. The call's
 * outcome and timings go to its {@link Call}; the adapter only plays steps and maps channel
 * variables. One instance per session, not thread-safe.
 */
public final class CallWalk {

	private final String callId;

	private final @Nullable Call call;

	private final Clock clock;

	private final Deque<CallStep> ahead = new ArrayDeque<>();

	/** The menu still being walked; null once it ended, or when the session plays none. */
	private @Nullable MenuWalk menu;

	/** The menu's welcome is played with the caller already queued (a menu without a choice). */
	private boolean queuedBeforeTheWelcome;

	private boolean inQueue;

	private @Nullable CallStep end;

	/** A closed line's one record, which this session writes itself. */
	private final @Nullable CallEnded closedLine;

	private CallWalk(String callId, @Nullable Call call, Clock clock, @Nullable CallEnded closedLine) {
		this.callId = callId;
		this.call = call;
		this.clock = clock;
		this.closedLine = closedLine;
	}

	/** A call to a closed line (or to no helpline): the message, then the end. */
	static CallWalk toClosedLine(String callId, Announce announce, Instant startedAt, CallerNumber caller,
			Clock clock) {
		Long helplineId = announce.helplineId();
		CallEnded record = helplineId == null ? null
				: new CallEnded(callId, Call.toClosedLine(helplineId, startedAt, caller));
		CallWalk walk = new CallWalk(callId, null, clock, record);
		walk.ahead.add(new MenuStep.Say(announce.prompts()));
		walk.end = new End(announce.outcome().tag(), helplineId != null);
		return walk;
	}

	/** A new call to an open line: the helpline's menu, then the queue. */
	static CallWalk throughTheMenu(String callId, Call call, Menu menu, Clock clock) {
		CallWalk walk = new CallWalk(callId, call, clock, null);
		walk.menu = MenuWalk.start(menu, call.helplineLanguage().code());
		if (menu.choice() == null) {
			// Nothing to choose: queued before the welcome, so a counsellor free now is claimed
			// while it plays and rings the moment it ends.
			walk.queuedBeforeTheWelcome = true;
			walk.joinQueue(null, Language.required(walk.menu.language()), clock.instant(), Entry.FROM_MENU);
		}
		return walk;
	}

	/** A call whose session began again after it was queued: back to its place, without the menu. */
	static CallWalk backToItsPlace(String callId, Call call, @Nullable CallerGroup group, Language language,
			Instant queuedAt, Entry entry, Clock clock) {
		CallWalk walk = new CallWalk(callId, call, clock, null);
		walk.joinQueue(group, language, queuedAt, entry);
		walk.ahead.add(new Wait(language));
		return walk;
	}

	/** A call back from a ring that was not answered, still held in the queue: wait again. */
	static CallWalk stillInTheQueue(String callId, Call call, Clock clock) {
		CallWalk walk = new CallWalk(callId, call, clock, null);
		walk.inQueue = true;
		walk.ahead.add(new Wait(call.language()));
		return walk;
	}

	/** What to do now. */
	public CallStep next() {
		CallStep step = ahead.poll();
		if (step != null) {
			return step;
		}
		if (menu != null) {
			return fromTheMenu(menu);
		}
		return Objects.requireNonNull(end, "every walk ends in a dial or an end");
	}

	/** Answers the last {@link MenuStep.Ask}; {@code null} for no key. */
	public void pressed(@Nullable String digit) {
		Objects.requireNonNull(menu, "only the menu asks").pressed(digit);
	}

	/** The queue claimed this counsellor for the caller: ring them. */
	public void offered(long counsellorId) {
		call().ringing(counsellorId, clock.instant());
		end = new Dial(counsellorId);
	}

	/** The caller waited past the maximum. */
	public void overflowed() {
		call().overflowed();
		sendAway(SentAway.overflow(call().language().code()), "overflow");
	}

	/** Nobody signed in (or all paused) and the helpline's wait for a sign-in passed. */
	public void nobodyAvailable() {
		call().nobodyAvailable();
		sendAway(SentAway.nobodyAvailable(call().language().code()), "nobody-available");
	}

	/**
	 * The caller hung up during the last step.
	 * @return that the caller left the queue, when they had a place in it
	 */
	public Optional<CallerLeft> hungUp() {
		if (menu != null && !queuedBeforeTheWelcome) {
			Objects.requireNonNull(call).leftInMenu();
		}
		return left();
	}

	/** The session broke (the connection to Asterisk, not the caller): a place in the queue is given up. */
	public Optional<CallerLeft> lost() {
		return left();
	}

	/** Our side failed; a caller who had a place in the queue is recorded as failed by us. */
	public Optional<CallerLeft> failed() {
		if (inQueue) {
			call().failed();
		}
		return left();
	}

	/** The record a call to a closed line leaves, whether or not the caller listened to the end. */
	public Optional<CallEnded> closedLineRecord() {
		return Optional.ofNullable(closedLine);
	}

	private CallStep fromTheMenu(MenuWalk walk) {
		MenuStep step = walk.next();
		return switch (step) {
			case MenuStep.Say say -> say;
			case MenuStep.Ask ask -> ask;
			case MenuStep.Queue queue -> {
				menu = null;
				Language language = queue.language();
				if (!queuedBeforeTheWelcome) {
					joinQueue(queue.callerGroup(), language, clock.instant(), Entry.FROM_MENU);
				}
				ahead.add(new Wait(language));
				yield next();
			}
			case MenuStep.HangUp hangUp -> {
				menu = null;
				call().informedInMenu();
				end = new End("informed", true);
				yield end;
			}
		};
	}

	private void joinQueue(@Nullable CallerGroup group, Language language, Instant at, Entry entry) {
		Call held = call();
		held.chose(group);
		held.speaks(language);
		held.queued(at);
		inQueue = true;
		ahead.add(new CallStep.Queue(group, language, Objects.requireNonNull(held.queuedAt()), entry));
	}

	private void sendAway(List<Prompt> said, String outcome) {
		ahead.add(new MenuStep.Say(said));
		end = new End(outcome, true);
	}

	private Optional<CallerLeft> left() {
		if (!inQueue) {
			return Optional.empty();
		}
		inQueue = false;
		return Optional.of(new CallerLeft(callId));
	}

	private Call call() {
		return Objects.requireNonNull(call, "a closed line has no call in the queue");
	}

}
