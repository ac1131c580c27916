package org.helpline.counsellors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.helpline.database.DatabaseAway;
import org.helpline.helplines.ChangeRefusedException;
import org.helpline.helplines.FieldProblem;
import org.helpline.helplines.NotFoundException;
import org.helpline.helplines.ProblemCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import static org.helpline.counsellors.CounsellorRow.ANSWERED_BUSY;
import static org.helpline.counsellors.CounsellorRow.NO_ANSWER;
import static org.helpline.counsellors.CounsellorRow.PHONE_BUSY;
import static org.helpline.counsellors.CounsellorRow.PHONE_UNREACHABLE;
import static org.helpline.counsellors.CounsellorState.AVAILABLE;
import static org.helpline.counsellors.CounsellorState.ON_CALL;
import static org.helpline.counsellors.CounsellorState.PAUSED;
import static org.helpline.counsellors.CounsellorState.RINGING;
import static org.helpline.counsellors.CounsellorState.SIGNED_OUT;
import static org.helpline.counsellors.CounsellorState.WRAP_UP;

/**
 * Counsellors' states: what they say (sign in, pause, …), what their phones say (device
 * states from AMI) and what calls do to them. Every change is stored with a reason and
 * published as {@link CounsellorStateChanged}; a counsellor who becomes available is offered
 * to the queue at once.
 */
@Service
public class Presence {

	private static final Logger log = LoggerFactory.getLogger(Presence.class);

	private static final int MAX_REASON = 100;

	/** A wrap-up guessed from AMI's truth (the phone idle on a call whose end never came). */
	static final String CALL_END_MISSED = "call end missed";

	private final CounsellorStore store;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PresenceProperties properties;

	private final KeptChanges kept = new KeptChanges();

	/** Logins and desk phones of counsellors, as last read: who is who while the database is away. */
	private final Map<String, Long> byUsername = new ConcurrentHashMap<>();

	private final Map<String, Long> byEndpoint = new ConcurrentHashMap<>();

	/** Counsellors on a call whose phone went idle, and when this instance first saw it. */
	private final Map<Long, Instant> phoneIdleOnCall = new ConcurrentHashMap<>();

	Presence(CounsellorStore store, Clock clock, ApplicationEventPublisher events, PresenceProperties properties) {
		this.store = store;
		this.clock = clock;
		this.events = events;
		this.properties = properties;
	}

	// --- what counsellors (or operators for them) do

	/** Signed out → available (or paused for the phone, when it is known to be unreachable or busy). */
	public CounsellorStatus signIn(long counsellorId) {
		Instant now = clock.instant();
		return staffChange(counsellorId, row -> row.state() == SIGNED_OUT ? row.idleSince(now).available("signed in", now)
				: row);
	}

	/** From any state; a call in progress goes on, but the counsellor gets no further calls. */
	public CounsellorStatus signOut(long counsellorId) {
		Instant now = clock.instant();
		return staffChange(counsellorId, row -> row.state() == SIGNED_OUT ? row : row.to(SIGNED_OUT, "signed out", now));
	}

	/**
	 * Available, in wrap-up, ringing or already paused → paused with this reason.
	 * @throws ChangeRefusedException when the reason is empty or too long
	 * @throws StateConflictException when signed out or on a call
	 */
	public CounsellorStatus pause(long counsellorId, String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
			throw new ChangeRefusedException(
					List.of(FieldProblem.of(ProblemCode.PRESENCE_REASON_REQUIRED, "reason", MAX_REASON)));
		}
		Instant now = clock.instant();
		return staffChange(counsellorId, row -> switch (row.state()) {
			case SIGNED_OUT -> throw new StateConflictException("sign in before pausing");
			case ON_CALL -> throw new StateConflictException("pause after the call (during wrap-up)");
			case AVAILABLE, RINGING, WRAP_UP, PAUSED -> row.to(PAUSED, reason.strip(), now);
		});
	}

	/** Paused → available. Already available: nothing changes. */
	public CounsellorStatus resume(long counsellorId) {
		Instant now = clock.instant();
		return staffChange(counsellorId, row -> switch (row.state()) {
			case PAUSED -> row.available("resumed", now);
			case AVAILABLE -> row;
			default -> throw new StateConflictException("only a paused counsellor can resume, not one " + row.state());
		});
	}

	/** Wrap-up → available before the wrap-up time is over. Already available: nothing changes. */
	public CounsellorStatus endWrapUp(long counsellorId) {
		Instant now = clock.instant();
		return staffChange(counsellorId, row -> switch (row.state()) {
			case WRAP_UP -> row.available("wrap-up ended early", now);
			case AVAILABLE -> row;
			default -> throw new StateConflictException("not in wrap-up but " + row.state());
		});
	}

	/**
	 * Adds time to the running wrap-up.
	 * @throws ChangeRefusedException when {@code extra} is not between 1 second and
	 * {@code helpline.routing.max-extension}
	 */
	public CounsellorStatus extendWrapUp(long counsellorId, @Nullable Duration extra) {
		if (extra == null || extra.compareTo(Duration.ofSeconds(1)) < 0
				|| extra.compareTo(properties.maxExtension()) > 0) {
			throw new ChangeRefusedException(List.of(FieldProblem.of(ProblemCode.PRESENCE_EXTENSION_RANGE, "seconds",
					properties.maxExtension().toSeconds())));
		}
		Instant now = clock.instant();
		return staffChange(counsellorId, row -> {
			if (row.state() != WRAP_UP) {
				throw new StateConflictException("not in wrap-up but " + row.state());
			}
			Instant from = row.wrapUpUntil() == null || row.wrapUpUntil().isBefore(now) ? now : row.wrapUpUntil();
			return row.wrapUpUntil(from.plus(extra));
		});
	}

	public CounsellorStatus status(long counsellorId) {
		return store.find(counsellorId).map(CounsellorRow::status)
			.orElseThrow(() -> new NotFoundException("counsellor " + counsellorId + " does not exist"));
	}

	/** Every counsellor's state, for the live board. */
	public List<CounsellorStatus> all() {
		return store.findAllRows().stream().map(CounsellorRow::status).toList();
	}

	/**
	 * The counsellor this login acts as.
	 * @throws NotFoundException when no counsellor is linked to the login
	 */
	public long counsellorOfUser(String username) {
		return linkedCounsellor(username).orElseThrow(
				() -> new NotFoundException("no counsellor is linked to the account '" + username + "'"));
	}

	/** The counsellor this login acts as, if any (as last read, while the database is away). */
	public Optional<Long> linkedCounsellor(String username) {
		return lastKnown(byUsername, username, store::idByUsername);
	}

	/** The counsellor whose desk phone is this PJSIP endpoint (for feature codes dialled from it). */
	public Optional<Long> counsellorAtEndpoint(String endpoint) {
		return lastKnown(byEndpoint, endpoint, store::idByEndpoint);
	}

	/** Makes the staff changes kept while the database was away, in the order they were asked. */
	public void makeKeptChanges() {
		kept.makeKept();
	}

	/** Whether any counsellor, on any node, is free, being rung, on a call or in wrap-up. */
	public boolean anyoneOnDuty() {
		return store.anyoneOnDuty();
	}

	/** How many counsellors are in each state, on every node (read from the database). */
	public Map<CounsellorState, Integer> countByState() {
		return store.countByState();
	}

	// --- what the phones say (AMI device states, by PJSIP endpoint)

	public void deviceUnreachable(String endpoint) {
		device(endpoint, row -> DeviceState.UNREACHABLE);
	}

	/** In use by a call (ours or another): a free counsellor is paused until the phone is idle. */
	public void deviceBusy(String endpoint) {
		device(endpoint, row -> DeviceState.BUSY);
	}

	public void deviceIdle(String endpoint) {
		device(endpoint, row -> DeviceState.IDLE);
	}

	/**
	 * The whole picture after AMI (re)connected. Nothing from before the gap is trusted: a phone
	 * not in the picture is unreachable, and a counsellor still "on a call" whose phone is idle
	 * or gone missed the end of that call and goes to wrap-up.
	 */
	public void deviceSnapshot(Map<String, DeviceState> byEndpoint) {
		Instant now = clock.instant();
		for (CounsellorRow known : store.findAllRows()) {
			if (!known.hasEndpoint()) {
				continue;
			}
			DeviceState device = byEndpoint.getOrDefault(known.endpoint(), DeviceState.UNREACHABLE);
			DeviceState truth = device == DeviceState.UNKNOWN ? DeviceState.UNREACHABLE : device;
			applyQuietly(known.id(), row -> {
				CounsellorRow next = onDevice(row, truth, now);
				if (next.state() == ON_CALL && truth != DeviceState.BUSY) {
					return next.wrapUp(now.plusSeconds(properties.defaults().wrapUpSeconds()), now, CALL_END_MISSED);
				}
				return next;
			});
		}
	}

	// --- what calls do (the queue drives these)

	/** Counsellors available right now, with their skills, for the dispatcher. */
	public List<Candidate> available() {
		return store.available();
	}

	/** How many calls each counsellor answered since the given moment (from the history). */
	public Map<Long, Integer> answeredSince(Instant since) {
		return store.answeredSince(since);
	}

	/**
	 * Claims an available counsellor for one call; of any number of claimers exactly one succeeds.
	 * @param version the version the claimer saw in {@link #available}
	 * @return the claim token the ring's end is reported with, or empty when somebody else was first
	 */
	public OptionalLong claim(long counsellorId, long version, Instant now, Instant expires) {
		OptionalLong token = store.claim(counsellorId, version, now, expires);
		if (token.isPresent()) {
			events.publishEvent(new CounsellorStateChanged(counsellorId, RINGING, null));
		}
		return token;
	}

	/** The ring for this claim ended without a call (caller gone, or the offer given up). */
	public void release(long counsellorId, long claimToken, String reason) {
		Instant now = clock.instant();
		applyQuietly(counsellorId, row -> row.ringingFor(claimToken) ? row.available(reason, now) : row);
	}

	/** The counsellor did not take the call: paused, so the next caller is not rung in vain. */
	public void ringFailed(long counsellorId, long claimToken, RingResult result) {
		Instant now = clock.instant();
		String reason = switch (result) {
			case BUSY -> ANSWERED_BUSY;
			case UNAVAILABLE -> PHONE_UNREACHABLE;
			default -> NO_ANSWER;
		};
		applyQuietly(counsellorId, row -> row.ringingFor(claimToken) ? row.to(PAUSED, reason, now) : row);
	}

	/** @return whether the counsellor was still ringing for this claim (and is now on the call) */
	public boolean answered(long counsellorId, long claimToken) {
		Instant now = clock.instant();
		boolean[] ours = { false };
		applyQuietly(counsellorId, row -> {
			ours[0] = row.ringingFor(claimToken);
			return ours[0] ? row.to(ON_CALL, null, now) : row;
		});
		return ours[0];
	}

	/**
	 * The call ended: wrap-up for the helpline's time. Also when AMI's truth already sent the
	 * counsellor to a guessed wrap-up (the end arrived late: the database was away), since the
	 * helpline's own wrap-up is the one that counts.
	 */
	public void callEnded(long counsellorId, Duration wrapUp) {
		Instant now = clock.instant();
		applyQuietly(counsellorId, row -> {
			if (row.state() != ON_CALL && !(row.state() == WRAP_UP && CALL_END_MISSED.equals(row.reason()))) {
				return row;
			}
			return wrapUp.isZero() ? row.idleSince(now).available("call ended", now)
					: row.wrapUp(now.plus(wrapUp), now);
		});
	}

	/**
	 * AMI's truth over our books: a counsellor on a call whose phone has been idle for the grace
	 * period missed the end of that call and goes to wrap-up, instead of never being rung again.
	 * When the phone went idle is remembered here, per instance: after a restart the grace
	 * starts again.
	 */
	private void healCallsWhoseEndWasMissed(Instant now) {
		List<Long> idle = store.onCallWithIdlePhone();
		phoneIdleOnCall.keySet().retainAll(idle);
		for (long id : idle) {
			Instant since = phoneIdleOnCall.computeIfAbsent(id, key -> now);
			if (!since.plus(properties.callEndGrace()).isAfter(now)) {
				phoneIdleOnCall.remove(id);
				applyQuietly(id, row -> row.state() == ON_CALL && row.device() == DeviceState.IDLE
						? row.wrapUp(now.plusSeconds(properties.defaults().wrapUpSeconds()), now, CALL_END_MISSED) : row);
			}
		}
	}

	/**
	 * Ends wrap-ups whose time is up, frees counsellors whose ring was never reported, and
	 * tries again phones that were busy or unreachable with nothing to say they still are.
	 * Asks the clock, so tests advance a clock and call this instead of sleeping.
	 */
	public void sweep() {
		Instant now = clock.instant();
		for (long id : store.wrapUpsEndedBy(now)) {
			applyQuietly(id, row -> row.state() == WRAP_UP && row.wrapUpUntil() != null && !row.wrapUpUntil().isAfter(now)
					? row.available("wrap-up ended", now) : row);
		}
		for (long id : store.claimsExpiredBy(now)) {
			applyQuietly(id, row -> row.state() == RINGING && row.claimExpires() != null && !row.claimExpires().isAfter(now)
					? row.available("ring not reported", now) : row);
		}
		healCallsWhoseEndWasMissed(now);
		Instant retryBefore = now.minus(properties.deviceRetry());
		for (long id : store.phonePausesToRetry(retryBefore)) {
			applyQuietly(id, row -> row.pausedForThePhone() && !row.since().isAfter(retryBefore)
					&& row.device() != DeviceState.BUSY && row.device() != DeviceState.UNREACHABLE
					? row.available("phone tried again", now) : row);
		}
	}

	private void device(String endpoint, java.util.function.Function<CounsellorRow, DeviceState> device) {
		Optional<Long> id = store.idByEndpoint(endpoint);
		if (id.isEmpty()) {
			log.debug("Device state of endpoint {} that no counsellor uses", endpoint);
			return;
		}
		Instant now = clock.instant();
		applyQuietly(id.get(), row -> onDevice(row, device.apply(row), now));
	}

	/**
	 * A phone's state changes only who may be rung: a free counsellor whose phone is busy or
	 * gone is paused for the phone, and freed when the phone is back. Ringing, on a call, in
	 * wrap-up or paused by the counsellor: the phone's state is noted, nothing else.
	 */
	private static CounsellorRow onDevice(CounsellorRow current, DeviceState device, Instant now) {
		CounsellorRow row = current.device(device);
		boolean free = row.state() == AVAILABLE || row.pausedForThePhone();
		return switch (device) {
			case UNREACHABLE -> free && !PHONE_UNREACHABLE.equals(row.reason()) ? row.to(PAUSED, PHONE_UNREACHABLE, now)
					: row;
			case BUSY -> free && !PHONE_BUSY.equals(row.reason()) ? row.to(PAUSED, PHONE_BUSY, now) : row;
			case IDLE, UNKNOWN -> row.pausedForThePhone() ? row.to(AVAILABLE, "phone back", now) : row;
		};
	}

	/** What a counsellor (or an operator for them) asks: kept when the database is away. */
	private CounsellorStatus staffChange(long counsellorId, UnaryOperator<CounsellorRow> transition) {
		return kept.makeOrKeep(counsellorId, () -> apply(counsellorId, transition));
	}

	private static Optional<Long> lastKnown(Map<String, Long> known, String key,
			java.util.function.Function<String, Optional<Long>> lookup) {
		try {
			Optional<Long> id = lookup.apply(key);
			id.ifPresentOrElse(found -> known.put(key, found), () -> known.remove(key));
			return id;
		}
		catch (RuntimeException ex) {
			if (DatabaseAway.isPassing(ex) && known.containsKey(key)) {
				return Optional.of(known.get(key));
			}
			throw ex;
		}
	}

	private CounsellorStatus apply(long counsellorId, UnaryOperator<CounsellorRow> transition) {
		CounsellorState[] before = new CounsellorState[1];
		Optional<CounsellorRow> changed = store.change(counsellorId, clock.instant(), remember(before, transition));
		changed.ifPresent(row -> publish(before[0], row));
		return changed.map(CounsellorRow::status).orElseGet(() -> status(counsellorId));
	}

	/** For changes nobody waits on: a counsellor removed meanwhile is no error. */
	private void applyQuietly(long counsellorId, UnaryOperator<CounsellorRow> transition) {
		CounsellorState[] before = new CounsellorState[1];
		try {
			store.change(counsellorId, clock.instant(), remember(before, transition))
				.ifPresent(row -> publish(before[0], row));
		}
		catch (NotFoundException ex) {
			log.debug("Counsellor {} was removed before a state change", counsellorId);
		}
	}

	private static UnaryOperator<CounsellorRow> remember(CounsellorState[] before, UnaryOperator<CounsellorRow> transition) {
		return row -> {
			before[0] = row.state();
			return transition.apply(row);
		};
	}

	private void publish(CounsellorState before, CounsellorRow row) {
		// Who was rung and why not is what operators ask first; ids and states only, never a caller.
		// A log line's time is exact: with the counsellor, the start or end of a call would give
		// that call's exact times, which its contact record keeps only to the hour (issue 11).
		if (!partOfACall(before) && !partOfACall(row.state())) {
			log.info("Counsellor {}: {}{}, phone {}", row.id(), row.state(),
					row.reason() == null ? "" : " (" + row.reason() + ")", row.device());
		}
		events.publishEvent(new CounsellorStateChanged(row.id(), row.state(), row.reason()));
	}

	private static boolean partOfACall(CounsellorState state) {
		return state == ON_CALL || state == WRAP_UP;
	}

}
