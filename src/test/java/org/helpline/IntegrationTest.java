package org.helpline;

import org.helpline.helplines.Helplines;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application against a real PostgreSQL, its FastAGI server on a free port and a
 * clock the test controls. Subclasses with the same configuration share one application
 * context and database; each test starts with no helplines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.Clocks.class)
// No Asterisk here; the end-to-end tests switch the AMI connection back on. A test rig on a
// real database with the local secrets says so (LocalDefaultSecrets would refuse it otherwise).
// Tests make their own helplines and counsellors: no example data (DemoSeedTest has it).
// Callers in most tests wait with nobody signed in; the tests of that rule set the wait for a
// sign-in themselves (the shipped default, 0, sends such callers away at once).
@TestPropertySource(properties = { "helpline.ami.enabled=false", "helpline.prompts.audio-folder=target/test-prompts",
		"helpline.security.accept-local-defaults=true", "helpline.demo.seed=false",
		"helpline.routing.defaults.wait-for-sign-in-seconds=7200" })
public abstract class IntegrationTest {

	@Autowired
	protected TestClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	private Environment environment;

	@DynamicPropertySource
	static void realDatabaseAndFreePorts(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("helpline.agi.port", () -> 0);
	}

	/** The port the FastAGI server of this test's application listens on. */
	protected int agiPort() {
		return environment.getRequiredProperty("local.agi.port", Integer.class);
	}

	@Autowired
	protected Helplines helplines;

	@BeforeEach
	void startWithNoHelplines() {
		// Through the service, so its cache of lookups is emptied as well.
		helplines.all().forEach(helpline -> helplines.delete(helpline.id()));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
