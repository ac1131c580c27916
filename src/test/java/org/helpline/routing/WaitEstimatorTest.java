package org.helpline.routing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimate says how long one place in the queue recently took, times the caller's place. */
class WaitEstimatorTest {

	static final Instant NINE = Instant.parse("2027-01-05T09:00:00Z");

	final WaitEstimator estimates = new WaitEstimator(Duration.ofHours(1), 10, 3);

	@Test
	void withTooFewRecentAnswersThereIsNoEstimate() {
		estimates.answered(1, NINE, Duration.ofSeconds(60), 1);
		estimates.answered(1, NINE, Duration.ofSeconds(60), 1);

		assertThat(estimates.estimate(1, 1, NINE)).isNull();
	}

	@Test
	void theEstimateIsThePlaceTimesTheMeanTimeAPlaceTook() {
		estimates.answered(1, NINE, Duration.ofSeconds(120), 2); // 60 s a place
		estimates.answered(1, NINE, Duration.ofSeconds(30), 1); // 30 s
		estimates.answered(1, NINE, Duration.ofSeconds(270), 3); // 90 s

		assertThat(estimates.estimate(1, 3, NINE)).isEqualTo(Duration.ofSeconds(180));
		assertThat(estimates.estimate(2, 3, NINE)).as("another helpline").isNull();
	}

	@Test
	void answersOlderThanTheWindowNoLongerCount() {
		for (int i = 0; i < 3; i++) {
			estimates.answered(1, NINE, Duration.ofSeconds(60), 1);
		}

		assertThat(estimates.estimate(1, 1, NINE.plus(Duration.ofMinutes(61)))).isNull();
	}

	@Test
	void theEstimateIsSaidInWholeMinutesUpToFiveThenInFives() {
		assertThat(WaitEstimator.spoken(Duration.ofSeconds(20))).isEqualTo(Duration.ofMinutes(1));
		assertThat(WaitEstimator.spoken(Duration.ofSeconds(80))).isEqualTo(Duration.ofMinutes(1));
		assertThat(WaitEstimator.spoken(Duration.ofSeconds(222))).as("3.7 minutes").isEqualTo(Duration.ofMinutes(4));
		assertThat(WaitEstimator.spoken(Duration.ofMinutes(7))).isEqualTo(Duration.ofMinutes(5));
		assertThat(WaitEstimator.spoken(Duration.ofMinutes(8))).isEqualTo(Duration.ofMinutes(10));
		assertThat(WaitEstimator.spoken(Duration.ofSeconds(13 * 60 + 20))).isEqualTo(Duration.ofMinutes(15));
		assertThat(WaitEstimator.spoken(null)).isNull();
	}

}
