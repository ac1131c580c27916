package org.helpline.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.callflow.CallEnded;
import org.helpline.callflow.CallerLeft;
import org.helpline.counsellors.Candidate;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.CounsellorStateChanged;
import org.helpline.counsellors.Presence;
import org.helpline.counsellors.RingResult;
import org.helpline.helplines.NotFoundException;
import org.helpline.routing.QueueOutcome.NobodyAvailable;
import org.helpline.routing.QueueOutcome.Offered;
import org.helpline.routing.QueueOutcome.Overflow;
import org.helpline.routing.QueueOutcome.StillWaiting;
import org.helpline.routing.Waiter.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * The callers this instance holds, in arrival order across all helplines, and the dispatcher
 * that gives each free counsellor to the longest-waiting caller they match.
 *
 * <p>A waiting caller is a FastAGI session blocked in {@link #await} on a virtual thread; the
 * queue itself is a few objects per caller in memory (call ids are Asterisk's unique ids).
 * After a restart callers re-join with their original entry time and the order is rebuilt from
 * it. Counsellors are claimed in the shared database, so two instances never ring the same
 * counsellor. One lock guards the queue; dispatching holds it for a database read and one
 * conditional update per claim.
 *
 * <p>With more than one node, each publishes its callers ({@link OtherNodes}) and reads the
 * others': a counsellor a caller on another node is first in line for is left to that node, and
 * places and the live board count every node's callers.
 */
@Service
public class CallQueue {

	private static final Logger log = LoggerFactory.getLogger(CallQueue.class);

	/** No trigger worth timing: a periodic re-check (widening, another instance freed someone). */
	private static final long UNTIMED = Long.MIN_VALUE;

	private final Presence presence;

	private final HelplineRouting routing;

	private final Clock clock;

	private final RoutingProperties properties;

	private final MeterRegistry meters;

	private final OtherNodes otherNodes;

	/** The other nodes' callers, as last read, and when. */
	private volatile List<OtherNodes.Waiting> elsewhere = List.of();

	private volatile Instant elsewhereReadAt = Instant.EPOCH;

	private final AtomicBoolean sharePending = new AtomicBoolean();

	/** When {@link #shareSoon} last shared (System.nanoTime); read and written on the sharing thread only. */
	private long lastShared = System.nanoTime() - SHARE_AT_MOST_EVERY.toNanos();

	private final ExecutorService sharing = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("queue-sharing").factory());

	private final ReentrantLock lock = new ReentrantLock();

	private static final long MAX_PARK_NANOS = Duration.ofSeconds(1).toNanos();

	/** Well within a routing re-check: what other nodes see is at most this much older. */
	private static final Duration SHARE_AT_MOST_EVERY = Duration.ofMillis(250);

	/**
	 * Every call this instance holds, by call id: waiting, offered or connected. Changed under
	 * the lock only; concurrent so that {@link #offered} can read it without the lock.
	 */
	private final Map<String, Waiter> calls = new ConcurrentHashMap<>();

	/** Counsellors whose call ended while the database was away, with the call's helpline. */
	private final Map<Long, Long> callsToEnd = new HashMap<>();

	/** Callers not connected yet (waiting or being rung), in arrival order. */
	private final NavigableSet<Waiter> queue = new TreeSet<>(Waiter.ARRIVAL);

	private final WaitEstimator estimates;

	private final OnDuty onDuty;

	private final Map<Long, String> helplineNames = new HashMap<>();

	private final MultiGauge waitingGauge;

	private final MultiGauge longestWaitGauge;

	private final Timer decisions;

	private long arrivals;

	private boolean dispatching;

	private boolean dispatchAgain;

	CallQueue(Presence presence, HelplineRouting routing, Clock clock,
			RoutingProperties properties, MeterRegistry meters, OtherNodes otherNodes) {
		this.presence = presence;
		this.otherNodes = otherNodes;
		this.routing = routing;
		this.clock = clock;
		this.properties = properties;
		this.meters = meters;
		this.estimates = new WaitEstimator(properties.estimateWindow(), properties.estimateSamples(),
				properties.estimateMinSamples());
		this.onDuty = new OnDuty(presence);
		this.waitingGauge = MultiGauge.builder("helpline.routing.calls.waiting")
			.description("Callers waiting for a counsellor on this instance (including those being rung)")
			.register(meters);
		this.longestWaitGauge = MultiGauge.builder("helpline.routing.longest.wait")
			.description("How long the longest-waiting caller has waited")
			.baseUnit("seconds")
			.register(meters);
		// Percentiles computed here, not a histogram: Prometheus then shows p50/p99 as they are
		// (with a histogram it would show only buckets). They cannot be added up across instances.
		this.decisions = Timer.builder("helpline.routing.decision")
			.description("From a caller joining or a counsellor becoming free to the counsellor's claim")
			.publishPercentiles(0.5, 0.9, 0.99)
			.register(meters);
	}

	/**
	 * Joins (or re-joins after a failed ring or a service restart) the helpline's queue. A
	 * caller this instance already holds keeps their place (an offer they held is given up).
	 * @param callerGroup the caller's menu choice; {@code null} when they made none
	 * @param language the language the caller hears (and a counsellor must speak)
	 * @param enteredAt the original entry time (a channel variable of the call), so a caller keeps
	 * their place across restarts; {@code null} or a time in the future means now
	 * @throws NotFoundException when there is no such helpline
	 */
	public void join(String callId, long helplineId, @Nullable CallerGroup callerGroup, Language language,
			Instant enteredAt) {
		Objects.requireNonNull(callId, "callId");
		long trigger = monotonicNow();
		RoutingRules rules = routing.rules(helplineId);
		Instant now = clock.instant();
		Instant entered = enteredAt == null || enteredAt.isAfter(now) ? now : enteredAt;
		lock.lock();
		try {
			Waiter waiter = calls.get(callId);
			if (waiter == null) {
				waiter = new Waiter(callId, helplineId, callerGroup, language,
						entered, arrivals++, lock.newCondition());
				calls.put(callId, waiter);
			}
			else {
				queue.remove(waiter);
				giveUp(waiter, "offer given up");
				if (entered.isBefore(waiter.enteredAt)) {
					waiter.enteredAt = entered;
				}
			}
			waiter.status = Status.WAITING;
			queue.add(waiter);
			if (waiter.positionAtJoin == 0) {
				waiter.positionAtJoin = positionOf(waiter);
			}
			knowHelpline(helplineId, rules.helpline());
			dispatch(trigger);
		}
		finally {
			lock.unlock();
		}
		shareSoon();
	}

	/** The counsellor already claimed for this caller and not yet rung, if any; never blocks. */
	public Optional<Offer> offered(String callId) {
		// Without the lock: a dispatch holds it across database round trips for other callers,
		// and a caller whose welcome just ended would wait for them before their counsellor rings.
		Waiter waiter = calls.get(callId);
		return waiter == null ? Optional.empty() : Optional.ofNullable(waiter.offer);
	}

	/** True while this instance holds the call (waiting, offered or connected). */
	public boolean holds(String callId) {
		lock.lock();
		try {
			return calls.containsKey(callId);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Blocks until a counsellor has been claimed for this caller ({@link Offered}), the
	 * announcement period passed ({@link StillWaiting}), the maximum wait passed
	 * ({@link Overflow}; the caller is removed), or nobody can take calls at all and the caller
	 * waited the helpline's wait for a sign-in ({@link NobodyAvailable}; the caller is removed).
	 * Also {@link Overflow} when the call left the queue meanwhile. Cheap to block in: a parked
	 * virtual thread.
	 * @param announcementPeriod how long to wait at most before the next announcement;
	 * {@code null} for the helpline's setting
	 * @throws IllegalStateException when the call never joined or is already connected
	 * @throws CancellationException when the waiting thread is interrupted; the call left the queue
	 */
	public QueueOutcome await(String callId, @Nullable Duration announcementPeriod) {
		lock.lock();
		try {
			Waiter waiter = calls.get(callId);
			if (waiter == null || waiter.status == Status.CONNECTED) {
				throw new IllegalStateException("this call is not waiting in the queue");
			}
			RoutingRules rules = routing.rules(waiter.helplineId);
			Instant start = clock.instant();
			Instant announceAt = start.plus(announcementPeriod == null ? rules.announcementPeriod() : announcementPeriod);
			Instant overflowAt = waiter.enteredAt.plus(rules.maxWait());
			Instant signInBy = waiter.enteredAt.plus(rules.waitForSignIn());
			while (true) {
				if (waiter.status == Status.OFFERED) {
					return new Offered(Objects.requireNonNull(waiter.offer));
				}
				if (waiter.status == Status.GONE) {
					return new Overflow();
				}
				Instant now = clock.instant();
				if (!now.isBefore(overflowAt)) {
					remove(waiter);
					return new Overflow();
				}
				if (!now.isBefore(signInBy) && !onDuty.anyone(now)) {
					remove(waiter);
					return new NobodyAvailable();
				}
				if (!now.isBefore(announceAt)) {
					return new StillWaiting(announcement(waiter, rules, now));
				}
				Instant next = announceAt.isBefore(overflowAt) ? announceAt : overflowAt;
				waiter.awaiting = true;
				try {
					// Parked for a second at most: the Clock decides when to announce or overflow,
					// and a clock that jumps (or a test clock) is then followed within a second.
					waiter.changed.awaitNanos(Math.min(Duration.between(now, next).toNanos(), MAX_PARK_NANOS));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					remove(waiter);
					throw new CancellationException("interrupted while waiting; the call left the queue");
				}
				finally {
					waiter.awaiting = false;
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The caller hung up, was sent away or ended their call: leaves the queue at once, releases a
	 * counsellor claimed but not yet rung, and sends the counsellor of a connected call to
	 * wrap-up. Unknown calls are ignored.
	 */
	public void leave(String callId) {
		lock.lock();
		try {
			Waiter waiter = calls.get(callId);
			if (waiter != null) {
				remove(waiter);
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Result of ringing the offered counsellor. Unless answered, the caller is waiting again in
	 * the same place, and is offered the next free counsellor at once when there is one (collect
	 * it with {@link #await}). A result for a call that holds no offer is ignored.
	 */
	public void ringResult(String callId, RingResult result) {
		lock.lock();
		try {
			Waiter waiter = calls.get(callId);
			if (waiter == null || waiter.status != Status.OFFERED) {
				log.debug("Ring result {} for a call that holds no offer", result);
				return;
			}
			long counsellor = waiter.counsellorId;
			switch (result) {
				case ANSWERED -> answered(waiter);
				case CALLER_HUNG_UP -> remove(waiter);
				case NO_ANSWER, BUSY, UNAVAILABLE -> {
					waiter.status = Status.WAITING;
					waiter.offer = null;
					presence.ringFailed(counsellor, waiter.claimToken, result);
					waiter.changed.signalAll();
					dispatch(monotonicNow());
				}
			}
		}
		finally {
			lock.unlock();
		}
		shareSoon();
	}

	/** Before the call's record is written, so that a database that is away holds no counsellor. */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void ended(CallEnded call) {
		leave(call.callId());
	}

	@EventListener
	void callerLeft(CallerLeft caller) {
		leave(caller.callId());
	}

	/** Every node's queues, for the live board (this node's alone while the database is away). */
	public List<QueueSummary> summaries() {
		lock.lock();
		try {
			Instant now = clock.instant();
			List<OtherNodes.Waiting> others = live(now);
			for (OtherNodes.Waiting other : others) {
				if (!helplineNames.containsKey(other.helplineId())) {
					try {
						knowHelpline(other.helplineId(), routing.rules(other.helplineId()).helpline());
					}
					catch (NotFoundException gone) {
						// removed meanwhile: nothing to show
					}
				}
			}
			List<QueueSummary> summaries = new ArrayList<>();
			helplineNames.forEach((id, name) -> {
				List<OtherNodes.Waiting> theirs = others.stream().filter(o -> o.helplineId() == id).toList();
				Duration longest = theirs.isEmpty() ? Duration.ZERO : Duration.between(theirs.get(0).enteredAt(), now);
				summaries.add(new QueueSummary(id, name, waiting(id) + theirs.size(),
						Math.max(longestWait(id, now).toSeconds(), Math.max(0, longest.toSeconds()))));
			});
			summaries.sort(java.util.Comparator.comparing(QueueSummary::helpline));
			return summaries;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Publishes this node's callers and reads the other nodes': on every re-check, and soon after
	 * a caller joins, is offered or leaves. With the database away, the last read goes stale and
	 * this node routes on its own callers. One share at a time, so an older picture of this
	 * node's callers never overwrites a newer one.
	 */
	synchronized void share() {
		Instant now = clock.instant();
		List<OtherNodes.Waiting> mine;
		lock.lock();
		try {
			mine = queue.stream()
				.map(w -> new OtherNodes.Waiting(w.sharedId, w.helplineId, w.callerGroup, w.language, w.enteredAt,
						w.status == Status.OFFERED, now))
				.toList();
		}
		finally {
			lock.unlock();
		}
		Duration moved = properties.movedCallerWait().compareTo(staleAfter()) > 0 ? properties.movedCallerWait()
				: staleAfter();
		try {
			otherNodes.publish(mine, now, moved.multipliedBy(3));
			elsewhere = otherNodes.others(now, moved);
			elsewhereReadAt = now;
		}
		catch (DataAccessException | TransactionException ex) {
			log.debug("Could not share the queue with other nodes: {}", ex.toString());
		}
	}

	/**
	 * Shares the queue after a change, at most every {@link #SHARE_AT_MOST_EVERY}: the changes
	 * meanwhile go out together. Sharing after every join and leave rewrote a busy queue's
	 * hundred callers dozens of times a second, and the database time and CPU it took showed in
	 * every caller's set-up.
	 */
	private void shareSoon() {
		if (sharePending.compareAndSet(false, true)) {
			try {
				sharing.execute(() -> {
					long wait = lastShared + SHARE_AT_MOST_EVERY.toNanos() - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					sharePending.set(false);
					lastShared = System.nanoTime();
					share();
				});
			}
			catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
				sharePending.set(false);
			}
		}
	}

	@jakarta.annotation.PreDestroy
	void stopSharing() {
		sharing.shutdownNow();
	}

	/**
	 * The other nodes' callers, unless the last read is too old to trust: those of live nodes, and
	 * of nodes that stopped sharing not long ago (their callers are on their way here), but not
	 * the ones who re-joined here already. Under the lock.
	 */
	private List<OtherNodes.Waiting> elsewhere(Instant now) {
		if (Duration.between(elsewhereReadAt, now).compareTo(staleAfter()) > 0) {
			return List.of();
		}
		return elsewhere.stream()
			.filter(other -> calls.values().stream().noneMatch(w -> other.isSameCallerAs(w.helplineId, w.enteredAt)))
			.toList();
	}

	/** The callers of nodes that are sharing their queue now: what the board and places count. */
	private List<OtherNodes.Waiting> live(Instant now) {
		Instant since = now.minus(staleAfter());
		return elsewhere(now).stream().filter(other -> !other.seenAt().isBefore(since)).toList();
	}

	private Duration staleAfter() {
		return properties.recheck().multipliedBy(3);
	}

	/** Someone became available (here or, seen by the periodic re-check, elsewhere): offer them. */
	@EventListener
	void counsellorChanged(CounsellorStateChanged event) {
		lock.lock();
		try {
			onDuty.forget();
		}
		finally {
			lock.unlock();
		}
		if (event.state() == CounsellorState.AVAILABLE) {
			long trigger = monotonicNow();
			lock.lock();
			try {
				dispatch(trigger);
			}
			finally {
				lock.unlock();
			}
		}
	}

	/**
	 * The periodic re-check: waiters look at the clock again (announcements, maximum wait) and
	 * the dispatcher looks again for counsellors (widening, counsellors freed by another instance).
	 */
	void tick() {
		share();
		lock.lock();
		try {
			Instant now = clock.instant();
			Map.copyOf(callsToEnd).forEach(this::endCall);
			for (Waiter waiter : List.copyOf(calls.values())) {
				if (abandoned(waiter, now)) {
					log.warn("Dropped a call whose FastAGI session stopped asking the queue ({})", waiter.status);
					remove(waiter);
				}
				waiter.changed.signalAll();
			}
			dispatch(UNTIMED);
		}
		finally {
			lock.unlock();
		}
	}

	// --- under the lock from here on

	private void dispatch(long trigger) {
		if (dispatching) {
			// A state change published while dispatching (a released claim): go round once more.
			dispatchAgain = true;
			return;
		}
		dispatching = true;
		try {
			do {
				dispatchAgain = false;
				dispatchOnce(trigger);
			}
			while (dispatchAgain);
		}
		finally {
			dispatching = false;
		}
	}

	private void dispatchOnce(long trigger) {
		if (queue.stream().noneMatch(w -> w.status == Status.WAITING)) {
			return;
		}
		List<Candidate> free = new ArrayList<>(presence.available());
		if (log.isDebugEnabled()) {
			log.debug("Dispatch: {} free, waiting {}", free.size(), queue.stream()
				.filter(w -> w.status == Status.WAITING)
				.map(w -> w.callId)
				.toList());
		}
		Instant now = clock.instant();
		Map<Long, Map<Long, Integer>> answeredToday = new HashMap<>();
		java.util.Iterator<OtherNodes.Waiting> others = elsewhere(now).stream().filter(o -> !o.offered()).iterator();
		OtherNodes.Waiting other = others.hasNext() ? others.next() : null;
		for (Waiter waiter : List.copyOf(queue)) {
			// A caller on another node who came first is first in line: their node claims the
			// counsellor they would get (at its next look, within a re-check), or they re-join here.
			while (other != null && other.enteredAt().isBefore(waiter.enteredAt) && !free.isEmpty()) {
				ranked(free, other.helplineId(), other.callerGroup(), other.language(), other.enteredAt(), now,
						answeredToday).stream().findFirst().ifPresent(free::remove);
				other = others.hasNext() ? others.next() : null;
			}
			if (free.isEmpty()) {
				return;
			}
			if (waiter.status != Status.WAITING) {
				continue;
			}
			RoutingRules rules;
			try {
				rules = routing.rules(waiter.helplineId);
			}
			catch (NotFoundException ex) {
				continue;
			}
			for (Candidate candidate : ranked(free, waiter.helplineId, waiter.callerGroup, waiter.language,
					waiter.enteredAt, now, answeredToday)) {
				free.remove(candidate);
				Instant expires = now.plusSeconds(rules.ringTimeoutSeconds()).plus(properties.claimGrace());
				OptionalLong token = presence.claim(candidate.id(), candidate.version(), now, expires);
				if (token.isPresent()) {
					offer(waiter, candidate, token.getAsLong(), rules, expires);
					if (trigger != UNTIMED) {
						decisions.record(monotonicNow() - trigger, TimeUnit.NANOSECONDS);
					}
					break;
				}
			}
		}
	}

	/** The free counsellors who may take this caller now, best first; none for a removed helpline. */
	private List<Candidate> ranked(List<Candidate> free, long helplineId, @Nullable CallerGroup callerGroup,
			@Nullable Language language,
			Instant enteredAt, Instant now, Map<Long, Map<Long, Integer>> answeredToday) {
		RoutingRules rules;
		try {
			rules = routing.rules(helplineId);
		}
		catch (NotFoundException ex) {
			return List.of();
		}
		int level = rules.levelAfter(Duration.between(enteredAt, now));
		Map<Long, Integer> answered = rules.strategy() != Strategy.FEWEST_CALLS_TODAY ? Map.of()
				: answeredToday.computeIfAbsent(helplineId, id -> presence
					.answeredSince(LocalDate.ofInstant(now, rules.zone()).atStartOfDay(rules.zone()).toInstant()));
		return Selection.rank(free, callerGroup, language, level, rules.strategy(), answered);
	}

	/**
	 * A session that died without {@link #leave}: nobody awaits a caller past the maximum wait
	 * (a live one would have overflowed), nor reports a ring after the claim lapsed. Connected
	 * calls are not judged: a call has no maximum length.
	 */
	private boolean abandoned(Waiter waiter, Instant now) {
		return switch (waiter.status) {
			case WAITING -> !waiter.awaiting && now.isAfter(waiter.enteredAt.plus(maxWait(waiter.helplineId))
				.plus(properties.claimGrace()));
			case OFFERED -> now.isAfter(waiter.offerExpires);
			case CONNECTED, GONE -> false;
		};
	}

	private Duration maxWait(long helplineId) {
		try {
			return routing.rules(helplineId).maxWait();
		}
		catch (NotFoundException ex) {
			return Duration.ZERO;
		}
	}

	private void offer(Waiter waiter, Candidate counsellor, long claimToken, RoutingRules rules, Instant expires) {
		log.debug("Counsellor {} claimed for call {}", counsellor.id(), waiter.callId);
		waiter.offerExpires = expires;
		waiter.status = Status.OFFERED;
		waiter.counsellorId = counsellor.id();
		waiter.claimToken = claimToken;
		waiter.offer = new Offer(counsellor.id(), counsellor.endpoint(), counsellor.externalNumber(),
				rules.ringTimeoutSeconds());
		waiter.changed.signalAll();
	}

	private void answered(Waiter waiter) {
		Instant now = clock.instant();
		if (!presence.answered(waiter.counsellorId, waiter.claimToken)) {
			// Not which counsellor: with the line's exact time it would date their call (issue 11).
			log.warn("A counsellor answered, but their state changed while the phone rang");
		}
		waiter.status = Status.CONNECTED;
		waiter.offer = null;
		queue.remove(waiter);
		Duration waited = Duration.between(waiter.enteredAt, now);
		estimates.answered(waiter.helplineId, now, waited, waiter.positionAtJoin);
		String helpline = helplineNames.getOrDefault(waiter.helplineId, Long.toString(waiter.helplineId));
		Timer.builder("helpline.routing.answer.time")
			.description("From entering the queue to a counsellor answering")
			.tag("helpline", helpline)
			.publishPercentiles(0.5, 0.9, 0.99)
			.register(meters)
			.record(waited);
	}

	/** Takes the call out of this instance, and out of whatever it held. */
	private void remove(Waiter waiter) {
		queue.remove(waiter);
		calls.remove(waiter.callId);
		giveUp(waiter, "caller left");
		waiter.status = Status.GONE;
		waiter.changed.signalAll();
		shareSoon();
	}

	/**
	 * Releases a claimed counsellor, or sends a connected one to wrap-up. The waiter must be out
	 * of the queue already: the counsellor freed here is offered at once, and not to this call.
	 */
	private void giveUp(Waiter waiter, String reason) {
		Status held = waiter.status;
		waiter.status = Status.GONE;
		waiter.offer = null;
		if (held == Status.OFFERED) {
			presence.release(waiter.counsellorId, waiter.claimToken, reason);
		}
		else if (held == Status.CONNECTED) {
			endCall(waiter.counsellorId, waiter.helplineId);
		}
	}

	/**
	 * Sends the counsellor to wrap-up; with the database away, again on every tick until it is
	 * back, so they are routable the moment it is (not only once AMI's truth heals them).
	 */
	private void endCall(long counsellorId, long helplineId) {
		try {
			presence.callEnded(counsellorId, wrapUp(helplineId));
			callsToEnd.remove(counsellorId);
		}
		catch (DataAccessException | TransactionException ex) {
			if (callsToEnd.put(counsellorId, helplineId) == null) {
				log.warn("Counsellor {}: the end of their call is not stored yet ({}); trying again", counsellorId,
						ex.getClass().getSimpleName());
			}
		}
	}

	private Duration wrapUp(long helplineId) {
		try {
			return Duration.ofSeconds(routing.rules(helplineId).wrapUpSeconds());
		}
		catch (NotFoundException ex) {
			return Duration.ofSeconds(properties.defaults().wrapUpSeconds());
		}
	}

	private Announcement announcement(Waiter waiter, RoutingRules rules, Instant now) {
		// Never a higher place than last time: a caller re-joining after a restart may sort in ahead.
		int position = Math.min(positionOf(waiter), waiter.lastAnnounced);
		waiter.lastAnnounced = position;
		Duration estimate = WaitEstimator.spoken(estimates.estimate(waiter.helplineId, position, now));
		if (estimate != null) {
			// Never a longer wait than last time: a caller who was told 5 minutes must not hear 10.
			estimate = waiter.lastEstimate != null && waiter.lastEstimate.compareTo(estimate) < 0 ? waiter.lastEstimate
					: estimate;
			waiter.lastEstimate = estimate;
		}
		return new Announcement(position, estimate, rules.announce().position(),
				rules.announce().estimate() && estimate != null);
	}

	/** Callers of the same helpline ahead of this one, on this node and on the others. */
	private int positionOf(Waiter waiter) {
		int ahead = 0;
		for (Waiter other : queue.headSet(waiter, false)) {
			if (other.helplineId == waiter.helplineId) {
				ahead++;
			}
		}
		for (OtherNodes.Waiting other : live(clock.instant())) {
			if (other.helplineId() == waiter.helplineId && other.enteredAt().isBefore(waiter.enteredAt)) {
				ahead++;
			}
		}
		return ahead + 1;
	}

	private int waiting(long helplineId) {
		return (int) queue.stream().filter(w -> w.helplineId == helplineId).count();
	}

	private Duration longestWait(long helplineId, Instant now) {
		return queue.stream()
			.filter(w -> w.helplineId == helplineId)
			.findFirst()
			.map(w -> Duration.between(w.enteredAt, now))
			.filter(d -> !d.isNegative())
			.orElse(Duration.ZERO);
	}

	/** One gauge row per helpline name (a helpline removed and created anew keeps its series). */
	private void knowHelpline(long helplineId, String name) {
		if (name.equals(helplineNames.put(helplineId, name))) {
			return;
		}
		Map<String, List<Long>> idsByName = new HashMap<>();
		helplineNames.forEach((id, helpline) -> idsByName.computeIfAbsent(helpline, n -> new ArrayList<>()).add(id));
		List<MultiGauge.Row<?>> waitingRows = new ArrayList<>();
		List<MultiGauge.Row<?>> longestRows = new ArrayList<>();
		idsByName.forEach((helpline, ids) -> {
			Tags tags = Tags.of("helpline", helpline);
			waitingRows.add(MultiGauge.Row.of(tags, this,
					q -> q.gauge(() -> ids.stream().mapToInt(q::waiting).sum())));
			longestRows.add(MultiGauge.Row.of(tags, this, q -> q.gauge(() -> ids.stream()
				.mapToLong(id -> q.longestWait(id, q.clock.instant()).toMillis())
				.max()
				.orElse(0) / 1000.0)));
		});
		waitingGauge.register(waitingRows, true);
		longestWaitGauge.register(longestRows, true);
	}

	/** Gauges are read on the metrics thread, so they take the lock like everybody else. */
	private double gauge(java.util.function.DoubleSupplier value) {
		lock.lock();
		try {
			return value.getAsDouble();
		}
		finally {
			lock.unlock();
		}
	}

	private long monotonicNow() {
		return meters.config().clock().monotonicTime();
	}

}
