package org.helpline.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Estimated waiting time from recent answers. Each answered caller tells how long one place
 * in the queue took: their time to answer divided by the position they joined at. The
 * estimate for position p is p times the mean of the last few of those (per helpline, within
 * a window), rounded up to whole seconds; with too few recent answers there is no estimate
 * rather than a guess. Not thread-safe: the queue calls it under its lock.
 */
final class WaitEstimator {

	private final Duration window;

	private final int samples;

	private final int minSamples;

	private final Map<Long, Deque<Sample>> byHelpline = new HashMap<>();

	WaitEstimator(Duration window, int samples, int minSamples) {
		this.window = window;
		this.samples = samples;
		this.minSamples = minSamples;
	}

	void answered(long helplineId, Instant at, Duration waited, int positionAtJoin) {
		Deque<Sample> recent = byHelpline.computeIfAbsent(helplineId, id -> new ArrayDeque<>());
		recent.addLast(new Sample(at, waited.toMillis() / (double) Math.max(1, positionAtJoin)));
		while (recent.size() > samples) {
			recent.removeFirst();
		}
	}

	/** @return the estimate, or {@code null} when fewer than the minimum answers are recent enough */
	@Nullable Duration estimate(long helplineId, int position, Instant now) {
		Deque<Sample> recent = byHelpline.get(helplineId);
		if (recent == null) {
			return null;
		}
		Instant oldest = now.minus(window);
		recent.removeIf(sample -> sample.at().isBefore(oldest));
		if (recent.size() < Math.max(1, minSamples)) {
			return null;
		}
		double millisPerPlace = recent.stream().mapToDouble(Sample::millisPerPlace).average().orElse(0);
		return Duration.ofSeconds((long) Math.ceil(millisPerPlace * position / 1000));
	}

	/**
	 * The estimate as a person would say it: whole minutes up to five ("about 2 minutes", at
	 * least one), then to the nearest five ("about 10 minutes"), never 3.7.
	 * @return {@code null} for {@code null}
	 */
	static @Nullable Duration spoken(@Nullable Duration estimate) {
		if (estimate == null) {
			return null;
		}
		double minutes = estimate.toMillis() / 60_000.0;
		long said = Math.round(minutes) < 5 ? Math.max(1, Math.round(minutes)) : 5 * Math.round(minutes / 5);
		return Duration.ofMinutes(said);
	}

	private record Sample(Instant at, double millisPerPlace) {
	}

}
