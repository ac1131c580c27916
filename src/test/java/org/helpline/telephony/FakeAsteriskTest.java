package org.helpline.telephony;

import org.helpline.IntegrationTest;
import org.helpline.TestPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application's FastAGI server driven by a fake Asterisk. A short socket read timeout
 * (to test half-open connections) makes this a context of its own, so it gets a database of
 * its own too: two live contexts on one database would be two instances routing each other's
 * calls with different test clocks.
 */
@TestPropertySource(properties = "helpline.agi.socket-read-timeout=2s")
abstract class FakeAsteriskTest extends IntegrationTest {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("agi_tests"));
	}

}
