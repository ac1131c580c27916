package org.helpline.security;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import org.helpline.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the per-address throttle remembers: a bounded number of addresses, IPv6 clients by their /64. */
class AddressThrottleTest {

	private final TestClock clock = new TestClock();

	private final AccountProperties.PerAddress settings = new AccountProperties.PerAddress(10, Duration.ofMinutes(15),
			Duration.ofMinutes(15), 100);

	private final Cache<String, AddressThrottle.Failures> remembered = AddressThrottle.remembering(settings, clock);

	private final AddressThrottle throttle = new AddressThrottle(remembered, settings, clock);

	AddressThrottleTest() {
		clock.set(Instant.parse("2027-01-05T09:00:00Z"));
	}

	@Test
	void failuresFromEveryAddressOnTheInternetFillNoMoreThanTheLimit() {
		for (int i = 0; i < 5_000; i++) {
			throttle.failed("198.51." + (i / 250) + "." + (i % 250));
		}
		remembered.cleanUp();

		assertThat(remembered.estimatedSize()).isLessThanOrEqualTo(100);
	}

	@Test
	void anAddressIsForgottenOnceItsFailuresAndRefusalAreOver() {
		for (int i = 0; i < 10; i++) {
			throttle.failed("198.51.100.7");
		}
		clock.advance(Duration.ofMinutes(15));
		remembered.cleanUp();

		assertThat(throttle.isThrottled("198.51.100.7")).isFalse();
		assertThat(remembered.estimatedSize()).isZero();
	}

	@Test
	void anIpv6ClientCannotEscapeByTakingANewAddressInItsNetwork() {
		for (int i = 1; i <= 10; i++) {
			throttle.failed("2001:db8:1:2::" + Integer.toHexString(i));
		}

		assertThat(throttle.isThrottled("2001:db8:1:2:ffff:1:2:3")).isTrue();
		assertThat(throttle.isThrottled("2001:db8:1:3::1")).isFalse();
	}

	@Test
	void nineFailuresRefuseNothingAndTheTenthRefusesTheAddressOnly() {
		for (int i = 0; i < 9; i++) {
			throttle.failed("198.51.100.7");
		}
		assertThat(throttle.isThrottled("198.51.100.7")).isFalse();

		throttle.failed("198.51.100.7");

		assertThat(throttle.isThrottled("198.51.100.7")).isTrue();
		assertThat(throttle.isThrottled("198.51.100.8")).isFalse();
	}

}
