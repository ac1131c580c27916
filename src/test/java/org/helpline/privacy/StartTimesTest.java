package org.helpline.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartTimesTest {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Test
	void aStartIsKeptToTheHourInTheHelplinesOwnTime() {
		StartTimes hourly = new StartTimes(Duration.ofHours(1));

		assertThat(hourly.coarsen(Instant.parse("2027-03-10T10:47:13Z"), AMSTERDAM))
			.isEqualTo(LocalDateTime.parse("2027-03-10T11:00"));
	}

	@Test
	void halfAnHourPastMidnightOnNewYearsDayBelongsToTheNewYear() {
		// 23:30 UTC on 31 December is 00:30 in Amsterdam: the helpline's new year, and Q1.
		StartTimes daily = new StartTimes(Duration.ofDays(1));

		assertThat(daily.coarsen(Instant.parse("2016-12-31T23:30:00Z"), AMSTERDAM))
			.isEqualTo(LocalDateTime.parse("2017-01-01T00:00"));
	}

	@Test
	void aZoneWithAHalfHourOffsetKeepsItsOwnDays() {
		StartTimes hourly = new StartTimes(Duration.ofHours(1));

		assertThat(hourly.coarsen(Instant.parse("2027-01-01T18:45:00Z"), ZoneId.of("Asia/Kolkata")))
			.isEqualTo(LocalDateTime.parse("2027-01-02T00:00"));
	}

	@Test
	void onlyTheHourlyOrFinerResolutionsKeepTheHour() {
		assertThat(new StartTimes(Duration.ofMinutes(15)).keepsTheHour()).isTrue();
		assertThat(new StartTimes(Duration.ofHours(4)).keepsTheHour()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT7M", "PT0S", "P2D", "PT1H30S" })
	void aResolutionThatDoesNotDivideADayIsRefused(String resolution) {
		assertThatThrownBy(() -> new StartTimes(Duration.parse(resolution)))
			.hasMessageContaining("helpline.privacy.start-time-resolution");
	}

}
