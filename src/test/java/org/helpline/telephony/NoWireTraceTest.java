package org.helpline.telephony;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asterisk-Java's wire trace would write every caller's number to disk. */
class NoWireTraceTest {

	@AfterEach
	void traceOff() {
		System.clearProperty(NoWireTrace.TRACE_PROPERTY);
	}

	@Test
	void theServiceRefusesToStartWithAsteriskJavasTraceSwitchedOn() {
		System.setProperty(NoWireTrace.TRACE_PROPERTY, "true");

		assertThatThrownBy(() -> new NoWireTrace(new MockEnvironment()))
			.hasMessageContaining("org.asteriskjava.trace=true");
	}

	@Test
	void theServiceRefusesToStartWithAsteriskJavasDebugLog() {
		assertThatThrownBy(
				() -> new NoWireTrace(new MockEnvironment().withProperty("logging.level.org.asteriskjava", "debug")))
			.hasMessageContaining("logging.level.org.asteriskjava=DEBUG");
	}

	@Test
	void theShippedSettingsStart() {
		assertThatCode(() -> new NoWireTrace(new MockEnvironment().withProperty("logging.level.org.asteriskjava", "OFF")))
			.doesNotThrowAnyException();
	}

}
