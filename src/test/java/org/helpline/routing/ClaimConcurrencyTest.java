package org.helpline.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.counsellors.AnotherNode;
import org.helpline.counsellors.Candidate;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Presence;
import org.helpline.counsellors.RingResult;
import org.helpline.routing.QueueOutcome.Offered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two calls can never ring the same counsellor, also when two instances share the database:
 * claimers with their own connection pools (as two instances have) hammer the same few
 * counsellors in the real PostgreSQL.
 */
class ClaimConcurrencyTest extends RoutingTest {

	@Test
	void claimersOfTwoInstancesNeverHoldTheSameCounsellorAtOnce() throws Exception {
		List<Long> ids = List.of(signedIn("Anna"), signedIn("Bram"), signedIn("Cato"));
		Map<Long, AtomicInteger> holders = new ConcurrentHashMap<>();
		ids.forEach(id -> holders.put(id, new AtomicInteger()));
		Set<String> tokens = ConcurrentHashMap.newKeySet();
		AtomicInteger claimed = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
		int threadsPerInstance = 8;
		int rounds = 150;

		try (HikariDataSource one = pool(); HikariDataSource two = pool();
				ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerInstance)) {
			CyclicBarrier start = new CyclicBarrier(2 * threadsPerInstance);
			List<Future<?>> done = new ArrayList<>();
			for (HikariDataSource database : List.of(one, two)) {
				Presence instance = AnotherNode.presence(application, database, event -> {
				});
				for (int t = 0; t < threadsPerInstance; t++) {
					done.add(threads.submit(() -> {
						start.await();
						for (int round = 0; round < rounds; round++) {
							List<Candidate> free = instance.available();
							if (free.isEmpty()) {
								continue;
							}
							Candidate pick = free.get(ThreadLocalRandom.current().nextInt(free.size()));
							// The application's clock: its routing loop, sweeping beside this test,
							// releases claims that lapsed by that clock.
							Instant now = clock.instant();
							OptionalLong token = instance.claim(pick.id(), pick.version(), now, now.plusSeconds(60));
							if (token.isEmpty()) {
								refused.incrementAndGet();
								continue;
							}
							claimed.incrementAndGet();
							long id = pick.id();
							if (holders.get(id).incrementAndGet() != 1) {
								violations.add("counsellor " + id + " claimed twice at once");
							}
							if (!tokens.add(id + ":" + token.getAsLong())) {
								violations.add("claim token " + token.getAsLong() + " of " + id + " handed out twice");
							}
							if (!AnotherNode.ringingFor(database, id, token.getAsLong())) {
								violations.add("counsellor " + id + " changed while held: " + instance.status(id));
							}
							holders.get(id).decrementAndGet();
							instance.release(id, token.getAsLong(), "released");
						}
						return null;
					}));
				}
			}
			for (Future<?> future : done) {
				future.get(2, TimeUnit.MINUTES);
			}
		}

		assertThat(violations).isEmpty();
		assertThat(claimed.get()).as("claims made").isGreaterThan(100);
		assertThat(refused.get()).as("claims lost to a concurrent claimer (so the race did happen)").isPositive();
		assertThat(ids).allSatisfy(id -> assertThat(state(id).state()).isEqualTo(CounsellorState.AVAILABLE));
	}

	@Test
	void twoInstancesQueuesServeAllTheirCallersWithoutEverSharingACounsellor() throws Exception {
		rules(wrapUp(0));
		List<Long> ids = List.of(signedIn("Anna"), signedIn("Bram"), signedIn("Cato"), signedIn("Dirk"));
		Map<Long, AtomicInteger> onCall = new ConcurrentHashMap<>();
		ids.forEach(id -> onCall.put(id, new AtomicInteger()));
		List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
		AtomicInteger served = new AtomicInteger();
		int callersPerInstance = 40;

		try (HikariDataSource other = pool(); ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			CallQueue second = secondInstance(other);
			Thread recheck = Thread.ofVirtual().start(() -> {
				// The routing loop of each instance, faster: sees counsellors the other one freed.
				while (!Thread.currentThread().isInterrupted()) {
					queue.tick();
					second.tick();
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			List<Future<?>> done = new ArrayList<>();
			for (CallQueue instance : List.of(queue, second)) {
				for (int i = 0; i < callersPerInstance; i++) {
					String callId = instance.hashCode() + "-" + i;
					done.add(callers.submit(() -> {
						instance.join(callId, helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
						QueueOutcome outcome;
						do {
							outcome = instance.await(callId, Duration.ofMinutes(1));
						}
						while (!(outcome instanceof Offered));
						long counsellor = ((Offered) outcome).offer().counsellorId();
						if (onCall.get(counsellor).incrementAndGet() != 1) {
							violations.add("counsellor " + counsellor + " offered to two calls at once");
						}
						instance.ringResult(callId, RingResult.ANSWERED);
						Thread.sleep(2);
						onCall.get(counsellor).decrementAndGet();
						instance.leave(callId);
						served.incrementAndGet();
						return null;
					}));
				}
			}
			for (Future<?> future : done) {
				future.get(1, TimeUnit.MINUTES);
			}
			recheck.interrupt();
			recheck.join();
			second.share();
			second.stopSharing();
			// This node's picture of the other one, read after the other one's last word
			queue.share();
		}

		assertThat(violations).isEmpty();
		assertThat(served.get()).isEqualTo(2 * callersPerInstance);
		assertThat(waiting()).isZero();
	}

}
