package org.helpline.telephony;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.helpline.database.DatabaseAway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What must be stored when a call ends (its record, whose id the counsellor's wrap-up then
 * gets): a script waits for it only briefly ({@code helpline.agi.bookkeeping-hold}), so a
 * caller's line is never held by a slow or absent database; what is not stored by then is
 * retried in the background until the database takes it. Kept in memory: a node that dies
 * loses what it still held.
 */
@Component
class Bookkeeping {

	private static final Logger log = LoggerFactory.getLogger(Bookkeeping.class);

	private static final Duration FIRST_RETRY = Duration.ofMillis(500);

	private static final Duration LAST_RETRY = Duration.ofSeconds(10);

	private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicInteger pending = new AtomicInteger();

	private final Duration hold;

	private final Counter retries;

	private final Counter lost;

	Bookkeeping(AgiProperties properties, MeterRegistry meters) {
		this.hold = properties.bookkeepingHold();
		Gauge.builder("helpline.bookkeeping.pending", pending, AtomicInteger::get)
			.description("Records of ended calls waiting for the database")
			.register(meters);
		this.retries = Counter.builder("helpline.bookkeeping.retries")
			.description("Writes of ended calls' records tried again because the database was away")
			.register(meters);
		this.lost = Counter.builder("helpline.bookkeeping.failed")
			.description("Records of ended calls given up: the database refused them")
			.register(meters);
	}

	/**
	 * Stores something, then hands its result on (e.g. a record's id to the counsellor's
	 * wrap-up), waiting at most the hold for both.
	 */
	<T> void store(String what, Supplier<T> write, Consumer<T> then) {
		pending.incrementAndGet();
		CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
			try {
				then.accept(untilStored(what, write));
			}
			finally {
				pending.decrementAndGet();
			}
		}, writers);
		try {
			done.get(hold.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			log.warn("The {} of an ended call is not stored yet; it is kept and retried", what);
		}
		catch (ExecutionException ex) {
			// logged where it failed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Tries until the database takes it; gives up only when it refuses it for good. */
	private <T> T untilStored(String what, Supplier<T> write) {
		Duration wait = FIRST_RETRY;
		while (true) {
			try {
				return write.get();
			}
			catch (RuntimeException ex) {
				if (!DatabaseAway.isPassing(ex)) {
					lost.increment();
					// The type only: a driver's message may quote the values it was given.
					log.error("The {} of an ended call could not be stored: {}", what, ex.getClass().getSimpleName());
					throw ex;
				}
				retries.increment();
				sleep(wait);
				wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
			}
		}
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("stopped while waiting for the database", ex);
		}
	}

	/** Gives writes still waiting a last chance to land before the service stops. */
	@PreDestroy
	void stop() throws InterruptedException {
		writers.shutdown();
		if (!writers.awaitTermination(5, TimeUnit.SECONDS)) {
			log.error("{} writes of ended calls were still waiting for the database at shutdown", pending.get());
			writers.shutdownNow();
		}
	}

}
