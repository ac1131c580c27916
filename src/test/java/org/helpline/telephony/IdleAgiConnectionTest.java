package org.helpline.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.helpline.IntegrationTest;
import org.helpline.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection that sends no request is dropped once the request timeout passes, not after
 * the long read timeout a call needs, so idle connections cannot hold every call's slot.
 */
@TestPropertySource(properties = { "helpline.agi.socket-read-timeout=120s", "helpline.agi.request-timeout=1s" })
class IdleAgiConnectionTest extends IntegrationTest {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("agi_idle_tests"));
	}

	@Test
	void aConnectionThatSendsNoRequestIsDropped() throws IOException {
		try (Socket idle = new Socket("127.0.0.1", agiPort())) {
			idle.setSoTimeout(15_000);
			InputStream in = idle.getInputStream();
			int read;
			try {
				read = in.read();
			}
			catch (SocketTimeoutException ex) {
				read = -2; // still open after 15 s
			}
			catch (IOException ex) {
				read = -1; // reset by the server: dropped as well
			}

			assertThat(read).as("the server closed the idle connection").isEqualTo(-1);
		}
	}

}
