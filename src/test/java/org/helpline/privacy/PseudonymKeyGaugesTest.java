package org.helpline.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the key alerts see: keys missing for years calls are in, and past keys not destroyed yet. */
class PseudonymKeyGaugesTest {

	private Path folder;

	@BeforeEach
	void keyFolderUnderTarget() throws IOException {
		Files.createDirectories(Path.of("target"));
		folder = Files.createTempDirectory(Path.of("target"), "key-gauges-");
	}

	@AfterEach
	void removeIt() throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		}
	}

	@Test
	void pastKeysInTheFolderOrTheEnvironmentAreOverdueUntilTheRotationDestroysThem() {
		KeyRotation.createFor(folder, 2025);
		KeyRotation.createFor(folder, 2026);
		KeyRotation.createFor(folder, 2027);
		Map<String, String> environment = Map.of("HELPLINE_PSEUDONYM_KEY_2024", "c2VjcmV0");
		MeterRegistry meters = gauges(environment, "2027-03-01T12:00:00Z");

		assertThat(value(meters, "helpline.pseudonym.keys.overdue")).isEqualTo(3);
		assertThat(value(meters, "helpline.pseudonym.keys.missing")).isZero();

		KeyRotation.rotate(folder, 2027);

		assertThat(value(meters, "helpline.pseudonym.keys.overdue")).as("the environment's key is the operator's to remove")
			.isEqualTo(1);
	}

	@Test
	void lastYearsKeyIsNotOverdueWhileSomeTimeZoneIsStillInLastYear() {
		KeyRotation.createFor(folder, 2026);
		KeyRotation.createFor(folder, 2027);

		assertThat(value(gauges(Map.of(), "2027-01-01T06:00:00Z"), "helpline.pseudonym.keys.overdue")).isZero();
		assertThat(value(gauges(Map.of(), "2027-01-01T13:00:00Z"), "helpline.pseudonym.keys.overdue")).isEqualTo(1);
	}

	@Test
	void aYearCallsAreInWithoutAKeyIsMissing() {
		KeyRotation.createFor(folder, 2027);

		assertThat(value(gauges(Map.of(), "2027-12-31T23:00:00Z"), "helpline.pseudonym.keys.missing"))
			.as("2028 has begun east of UTC").isEqualTo(1);
		assertThat(value(gauges(Map.of(), "2027-06-01T12:00:00Z"), "helpline.pseudonym.keys.missing")).isZero();
	}

	@Test
	void healthWarnsWhileAPastKeyIsKeptAndIsDownWhenAKeyInUseIsMissing() {
		KeyRotation.createFor(folder, 2026);
		KeyRotation.createFor(folder, 2027);
		PseudonymKeys keys = new PseudonymKeys(folder, false, name -> null, Duration.ofMinutes(1));

		assertThat(health(keys, "2027-03-01T12:00:00Z").getStatus().getCode()).isEqualTo("WARNING");
		assertThat(health(keys, "2027-03-01T12:00:00Z").getDetails()).containsEntry("overdueYears", java.util.List.of(2026));
		assertThat(health(keys, "2027-12-31T23:00:00Z").getStatus().getCode()).as("2028's key is missing").isEqualTo("DOWN");
		KeyRotation.rotate(folder, 2027);
		assertThat(health(keys, "2027-03-01T12:00:00Z").getStatus().getCode()).isEqualTo("UP");
	}

	private static org.springframework.boot.health.contributor.Health health(PseudonymKeys keys, String now) {
		return new PseudonymKeysHealthIndicator(keys, Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).health(true);
	}

	private MeterRegistry gauges(Map<String, String> environment, String now) {
		PseudonymKeys keys = new PseudonymKeys(folder, false, environment::get, Duration.ofMinutes(1));
		MeterRegistry meters = new SimpleMeterRegistry();
		new PseudonymKeyGauges(keys, Clock.fixed(Instant.parse(now), ZoneOffset.UTC), meters);
		return meters;
	}

	private static double value(MeterRegistry meters, String name) {
		return meters.get(name).gauge().value();
	}

}
