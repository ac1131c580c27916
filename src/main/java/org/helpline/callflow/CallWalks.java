package org.helpline.callflow;

import java.time.Clock;
import java.time.Instant;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.callflow.CallDecision.Announce;
import org.helpline.callflow.CallStep.Queue.Entry;
import org.helpline.menu.Menus;
import org.helpline.privacy.CallerNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/** Where each session of a call starts its {@link CallWalk}. */
@Service
public class CallWalks {

	private final Menus menus;

	private final Clock clock;

	CallWalks(Menus menus, Clock clock) {
		this.menus = menus;
		this.clock = clock;
	}

	/** The closed line's message, then the end; the walk holds the call's one record. */
	public CallWalk toClosedLine(String callId, Announce announce, Instant startedAt, CallerNumber caller) {
		return CallWalk.toClosedLine(callId, announce, startedAt, caller, clock);
	}

	/** A new call to an open line: the helpline's current menu, then the queue. */
	public CallWalk throughTheMenu(String callId, Call call) {
		return CallWalk.throughTheMenu(callId, call, menus.current(call.helplineId()), clock);
	}

	/**
	 * A call queued before, whose channel still carries its place and choice, in a session this
	 * node's queue does not hold: back to that place, without the menu.
	 */
	public CallWalk backToItsPlace(String callId, Call call, @Nullable CallerGroup group, Language language,
			Instant queuedAt, Entry entry) {
		return CallWalk.backToItsPlace(callId, call, group, language, queuedAt, entry, clock);
	}

	/** A call back from a ring that was not answered, still held in this node's queue. */
	public CallWalk stillInTheQueue(String callId, Call call) {
		return CallWalk.stillInTheQueue(callId, call, clock);
	}

}
