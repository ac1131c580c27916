package org.helpline.routing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CounsellorCallsTest {

	private final CounsellorCalls calls = new CounsellorCalls();

	private final CurrentCall call = new CurrentCall("PARTNER_FAMILY", "nl", Duration.ofSeconds(42), "nieuwe beller",
			Instant.parse("2026-11-25T09:00:00Z"), null);

	@Test
	void anAnsweredCallIsTheCounsellorsCurrentCallUntilItEnds() {
		calls.answered(7, call);

		assertThat(calls.current(7)).contains(call);
		assertThat(calls.current(8)).isEmpty();
		assertThat(calls.last(7)).isEmpty();
	}

	@Test
	void anEndedCallBecomesTheOneToWrapUpWithItsContactRecord() {
		calls.answered(7, call);
		calls.ended(7, 1234);

		assertThat(calls.current(7)).isEmpty();
		assertThat(calls.last(7)).hasValueSatisfying(last -> {
			assertThat(last.contactId()).isEqualTo(1234L);
			assertThat(last.callerGroup()).isEqualTo("PARTNER_FAMILY");
		});
	}

	@Test
	void anEndWithoutAnAnsweredCallChangesNothing() {
		calls.ended(7, 1234);

		assertThat(calls.last(7)).isEmpty();
	}

}
