package org.helpline.contact;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Recorded calls by helpline and outcome, and those answered within the service level, for
 * alerts and the dashboard: the helpline's name and the outcome, nothing of the caller. All of
 * a helpline's counters start at zero with its first recorded call, so that the first
 * technical failure after a start is an increase an alert can see. The reports stay the
 * figures of record; these are for watching the line now.
 */
@Component
class CallCounts {

	private final MeterRegistry meters;

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	CallCounts(MeterRegistry meters) {
		this.meters = meters;
	}

	void ended(String helpline, CallOutcome outcome, boolean withinServiceLevel) {
		if (known.add(helpline)) {
			for (CallOutcome each : CallOutcome.values()) {
				ended(helpline, each);
			}
			withinServiceLevel(helpline);
		}
		ended(helpline, outcome).increment();
		if (withinServiceLevel) {
			withinServiceLevel(helpline).increment();
		}
	}

	private Counter ended(String helpline, CallOutcome outcome) {
		return Counter.builder("helpline.calls.ended")
			.description("Calls recorded when they ended, by helpline and outcome")
			.tag("helpline", helpline)
			.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
			.register(meters);
	}

	private Counter withinServiceLevel(String helpline) {
		return Counter.builder("helpline.calls.answered.within.service.level")
			.description("Answered calls that waited no longer than helpline.statistics.service-level-seconds")
			.tag("helpline", helpline)
			.register(meters);
	}

}
