package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import org.helpline.IntegrationTest;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.DeviceState;
import org.helpline.counsellors.Presence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asterisk accepts manager logins before it has loaded its phones; what it says about them
 * then is not their state. The service connects to a fake Asterisk that is still booting and
 * calls every phone UNAVAILABLE until it is booted. The tests share the one fake, which
 * stays booted once booted, so the booting one runs first.
 */
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AsteriskBootTest extends IntegrationTest {

	private static final FakeAmi asterisk = new FakeAmi("boot-test-phone", "UNAVAILABLE", "NOT_INUSE");

	@DynamicPropertySource
	static void theFakeAsterisk(DynamicPropertyRegistry registry) {
		registry.add("helpline.ami.enabled", () -> true);
		registry.add("helpline.ami.port", asterisk::port);
		registry.add("helpline.ami.max-retry-delay", () -> "1s");
	}

	@AfterAll
	static void stopTheFake() throws IOException {
		asterisk.close();
	}

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Test
	@Order(1)
	void phoneStatesReadWhileAsteriskBootsAreNotTrustedAndAreReadAgainOnceItHasBooted() {
		// Counsellors other tests left would be this Asterisk's unknown phones.
		jdbc.sql("delete from counsellor").update();
		await().atMost(Duration.ofSeconds(20)).until(() -> asterisk.logins() > 0);
		long anna = counsellors
			.create(new CounsellorSettings("Anna", "boot-test-phone", null, null, Map.of(), Map.of()))
			.id();
		presence.signIn(anna);

		boot();
		await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.endpointListsAfterBoot() > 0);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(presence.status(anna).device()).isEqualTo(DeviceState.IDLE);
			assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		});
	}

	/** A booted Asterisk says FullyBooted right after the login, before Asterisk-Java has finished it. */
	@Test
	@Order(2)
	void afterAReconnectToABootedAsteriskThePhonesAreReadAgain() throws IOException {
		await().atMost(Duration.ofSeconds(20)).until(() -> asterisk.logins() > 0);
		boot();
		await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.endpointListsAfterBoot() > 0);
		int logins = asterisk.logins();
		int reads = asterisk.endpointListsAfterBoot();

		asterisk.dropConnection();

		await().atMost(Duration.ofSeconds(20)).until(() -> asterisk.logins() > logins);
		await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.endpointListsAfterBoot() > reads);
	}

	private static void boot() {
		try {
			asterisk.boot();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
