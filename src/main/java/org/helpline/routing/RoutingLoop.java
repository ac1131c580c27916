package org.helpline.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.helpline.counsellors.CounsellorCalls;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Presence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code helpline.routing.recheck}: makes counsellors' changes kept while the database
 * was away, ends wrap-ups and stale claims (by the clock),
 * wakes waiting callers to look at the clock, looks again for free counsellors (another
 * instance may have freed one; a caller's wait may have widened), and counts counsellors by
 * state for the gauges. The work itself asks the injected clock, so tests call
 * {@link #runOnce()} after moving a test clock instead of waiting for this loop.
 */
@Component
class RoutingLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RoutingLoop.class);

	private final Presence presence;

	private final CallQueue queue;

	private final CounsellorCalls calls;

	private final RoutingProperties properties;

	private final Map<CounsellorState, AtomicInteger> byState = new EnumMap<>(CounsellorState.class);

	private volatile @Nullable Thread thread;

	RoutingLoop(Presence presence, CallQueue queue, CounsellorCalls calls,
			RoutingProperties properties, MeterRegistry meters) {
		this.presence = presence;
		this.calls = calls;
		this.queue = queue;
		this.properties = properties;
		for (CounsellorState state : CounsellorState.values()) {
			AtomicInteger count = new AtomicInteger();
			byState.put(state, count);
			Gauge.builder("helpline.routing.counsellors", count, AtomicInteger::get)
				.description("Counsellors by state (all instances: read from the database)")
				.tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
				.register(meters);
		}
	}

	void runOnce() {
		try {
			presence.makeKeptChanges();
			presence.sweep();
		}
		catch (RuntimeException ex) {
			log.warn("Routing sweep failed: {}", ex.toString());
		}
		try {
			queue.tick();
		}
		catch (RuntimeException ex) {
			log.warn("Routing re-check failed: {}", ex.toString());
		}
		calls.writeUnwritten();
		try {
			presence.countByState().forEach((state, count) -> Objects.requireNonNull(byState.get(state)).set(count));
		}
		catch (RuntimeException ex) {
			log.warn("Counting counsellors by state failed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		thread = Thread.ofVirtual().name("routing-loop").start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Thread.sleep(properties.recheck());
				}
				catch (InterruptedException ex) {
					return;
				}
				runOnce();
			}
		});
	}

	@Override
	public void stop() {
		Thread running = thread;
		thread = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

}
