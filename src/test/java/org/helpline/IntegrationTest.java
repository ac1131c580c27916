package org.helpline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.helpline.helplines.Helplines;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application against a real PostgreSQL, its FastAGI server on a free port and a
 * clock the test controls. All subclasses share one application context and one database;
 * each test starts with no helplines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.Clocks.class)
public abstract class IntegrationTest {

	private static final int AGI_PORT = freePort();

	@Autowired
	protected TestClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void realDatabaseAndFreePorts(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("helpline.agi.port", () -> AGI_PORT);
		registry.add("helpline.agi.socket-read-timeout", () -> "2s");
	}

	protected static int agiPort() {
		return AGI_PORT;
	}

	@Autowired
	protected Helplines helplines;

	@BeforeEach
	void startWithNoHelplines() {
		// Through the service, so its cache of lookups is emptied as well.
		helplines.all().forEach(helpline -> helplines.delete(helpline.id()));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
