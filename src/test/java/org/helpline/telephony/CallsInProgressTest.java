package org.helpline.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.helpline.caller.Language;
import org.helpline.callflow.Call;
import org.helpline.privacy.CallerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls remembered between their scripts: never more than the cap, whatever arrives. */
class CallsInProgressTest {

	@Test
	void noMoreCallsAreHeldThanTheCap() {
		CallsInProgress calls = new CallsInProgress(new AgiProperties(true, "127.0.0.1", 0, 500, 2000, Duration.ofSeconds(120),
				List.of("127.0.0.0/8"), "secret", 4096, Duration.ofSeconds(5), 3, Duration.ofHours(12),
				Duration.ofMillis(250)));

		for (int i = 0; i < 100; i++) {
			calls.getOrStart("call-" + i, () -> new Call(1, Instant.EPOCH, CallerNumber.withheld(), Language.DUTCH));
		}

		assertThat(calls.size()).isLessThanOrEqualTo(3);
		assertThat(calls.get("call-99")).as("the newest call").isPresent();
	}

}
