package org.helpline.routing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.counsellors.RingResult;
import org.helpline.routing.QueueOutcome.Offered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of callers waiting at once: each is a virtual thread blocked in
 * {@link CallQueue#await}, as a FastAGI session would be. Measures the heap and platform
 * threads they take, then lets counsellors serve them all and reads the routing decision time
 * from the service's own metrics. A measurement, not a test: it asserts nothing about time.
 * Run it with (see BENCHMARKS.md):
 * {@code mvn -B test -Dtest=WaitingCallersBenchmark -Dbenchmark=true [-Dbenchmark.callers=200]}
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class WaitingCallersBenchmark extends RoutingTest {

	@Autowired
	PrometheusMeterRegistry prometheus;

	@Test
	void callersWaitingAtOnce() throws Exception {
		int callers = Integer.getInteger("benchmark.callers", 200);
		int counsellorCount = 10;
		rules(new RoutingSettings(null, null, 0, 7200, null, null, null, null));
		long[] counsellors = new long[counsellorCount];
		for (int i = 0; i < counsellorCount; i++) {
			counsellors[i] = counsellor("C" + i, java.util.Map.of(), java.util.Map.of());
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long heapBefore = settledHeap();
		int platformBefore = threads.getThreadCount();
		CountDownLatch served = new CountDownLatch(callers);

		try (ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < callers; i++) {
				String callId = "bench-" + i;
				sessions.submit(() -> {
					queue.join(callId, helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
					QueueOutcome outcome;
					do {
						outcome = queue.await(callId, Duration.ofMinutes(5));
					}
					while (!(outcome instanceof Offered));
					queue.ringResult(callId, RingResult.ANSWERED);
					queue.leave(callId);
					served.countDown();
					return null;
				});
			}
			while (waiting() < callers) {
				Thread.sleep(10);
			}
			Thread.sleep(500); // every session is parked in await by now
			long heapWaiting = settledHeap();
			int platformWaiting = threads.getThreadCount();
			assertThat(waiting()).isEqualTo(callers);

			Timer decisions = prometheus.get("helpline.routing.decision").timer();
			long decisionsBefore = decisions.count();
			long start = System.nanoTime();
			for (long counsellor : counsellors) {
				presence.signIn(counsellor);
			}
			assertThat(served.await(5, TimeUnit.MINUTES)).isTrue();
			long servedMillis = (System.nanoTime() - start) / 1_000_000;

			String percentiles = Arrays.stream(decisions.takeSnapshot().percentileValues())
				.map(WaitingCallersBenchmark::format)
				.collect(Collectors.joining(", "));
			String scraped = prometheus.scrape()
				.lines()
				.filter(line -> line.startsWith("helpline_routing_decision_seconds"))
				.collect(Collectors.joining("\n"));
			String report = """
					callers waiting at once: %d (virtual threads blocked in CallQueue.await)
					heap used: %.1f MiB before, %.1f MiB while waiting: +%.1f MiB, %.1f KiB per caller
					platform threads: %d before, %d while waiting (+%d)
					served by %d counsellors (answer and hang up at once, wrap-up 0) in %d ms
					routing decisions: %d; %s
					/actuator/prometheus:
					%s
					""".formatted(callers, mib(heapBefore), mib(heapWaiting), mib(heapWaiting - heapBefore),
					(heapWaiting - heapBefore) / 1024.0 / callers, platformBefore, platformWaiting,
					platformWaiting - platformBefore, counsellorCount, servedMillis,
					decisions.count() - decisionsBefore, percentiles, scraped);
			System.out.println(report);
			Path out = Path.of("target", "benchmarks", "waiting-callers-" + callers + ".txt");
			Files.createDirectories(out.getParent());
			Files.writeString(out, report);
		}
	}

	private static String format(ValueAtPercentile percentile) {
		return "p%.0f %.2f ms".formatted(percentile.percentile() * 100, percentile.value(TimeUnit.MILLISECONDS));
	}

	private static double mib(long bytes) {
		return bytes / 1024.0 / 1024.0;
	}

	private static long settledHeap() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
