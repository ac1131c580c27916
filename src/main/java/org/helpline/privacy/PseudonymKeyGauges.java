package org.helpline.privacy;

import java.time.Clock;
import java.util.Collections;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The pseudonym keys as alerts see them (health is not scraped). Missing: years a call could
 * be in now without a key, whose callers then no longer count as persons. Overdue: keys of
 * years no call can be in any more that still exist; while one does, that year's pseudonyms
 * can still be computed from a number, which the yearly destruction is there to end.
 */
@Component
class PseudonymKeyGauges {

	PseudonymKeyGauges(PseudonymKeys keys, Clock clock, MeterRegistry meters) {
		Gauge.builder("helpline.pseudonym.keys.missing", keys,
				k -> PrivacyConfiguration.yearsInUse(clock.instant()).stream().filter(y -> !k.has(y)).count())
			.description("Years a call could be in now that have no pseudonym key")
			.strongReference(true)
			.register(meters);
		Gauge.builder("helpline.pseudonym.keys.overdue", keys,
				k -> k.pastYearsKept(first(PrivacyConfiguration.yearsInUse(clock.instant()))).size())
			.description("Pseudonym keys of past years not destroyed yet (ops/rotate-pseudonym-keys.sh)")
			.strongReference(true)
			.register(meters);
	}

	private static int first(Set<Integer> years) {
		return Collections.min(years);
	}

}
