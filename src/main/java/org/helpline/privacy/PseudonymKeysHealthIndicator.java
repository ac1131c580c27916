package org.helpline.privacy;

import java.time.Clock;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Down when a key a call could need now is missing (a rotation was forgotten at New Year):
 * calls are still recorded, but their callers no longer count as persons. A warning while a key
 * of a past year no call can be in still exists (ops/rotate-pseudonym-keys.sh destroys it).
 */
@Component("pseudonymKeysHealthIndicator")
class PseudonymKeysHealthIndicator extends AbstractHealthIndicator {

	static final Status OVERDUE = new Status("WARNING", "A past year's pseudonym key is not destroyed yet");

	private final PseudonymKeys keys;

	private final Clock clock;

	PseudonymKeysHealthIndicator(PseudonymKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		var inUse = PrivacyConfiguration.yearsInUse(clock.instant());
		var missing = inUse.stream().filter(y -> !keys.has(y)).sorted().toList();
		var overdue = keys.pastYearsKept(java.util.Collections.min(inUse));
		if (!missing.isEmpty()) {
			builder.down().withDetail("missingYears", missing);
		}
		else if (!overdue.isEmpty()) {
			// While a past year's key exists, that year's pseudonyms can still be computed from a number.
			builder.status(OVERDUE).withDetail("overdueYears", overdue);
		}
		else {
			builder.up();
		}
		builder.withDetail("source", "key folder or HELPLINE_PSEUDONYM_KEY_<year>");
		if (!keys.refused().isEmpty()) {
			builder.withDetail("refusedFiles", keys.refused().values().stream().sorted().toList());
		}
	}

}
