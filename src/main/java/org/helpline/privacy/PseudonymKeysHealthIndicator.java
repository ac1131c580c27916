package org.helpline.privacy;

import java.time.Clock;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Down when a key a call could need now is missing (a rotation was forgotten at New Year):
 * calls are still recorded, but their callers no longer count as persons.
 */
@Component("pseudonymKeysHealthIndicator")
class PseudonymKeysHealthIndicator extends AbstractHealthIndicator {

	private final PseudonymKeys keys;

	private final Clock clock;

	PseudonymKeysHealthIndicator(PseudonymKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		var missing = PrivacyConfiguration.yearsInUse(clock.instant()).stream().filter(y -> !keys.has(y)).sorted().toList();
		(missing.isEmpty() ? builder.up() : builder.down().withDetail("missingYears", missing)).withDetail("source",
				"key folder or HELPLINE_PSEUDONYM_KEY_<year>");
		if (!keys.refused().isEmpty()) {
			builder.withDetail("refusedFiles", keys.refused().values().stream().sorted().toList());
		}
	}

}
