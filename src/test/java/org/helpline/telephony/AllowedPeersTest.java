package org.helpline.telephony;

import java.io.IOException;

import org.helpline.IntegrationTest;
import org.helpline.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A FastAGI connection from an address that is not our Asterisk is closed unread. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "helpline.agi.allowed-peers=192.0.2.10,198.51.100.0/24")
class AllowedPeersTest extends IntegrationTest {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("agi_peer_tests"));
	}

	@Test
	void aConnectionFromAnAddressNotAllowedIsClosedBeforeItIsRead(CapturedOutput output) throws IOException {
		FakeAsterisk.Session call = new FakeAsterisk(agiPort()).call("08002666436");

		assertThat(call.commands()).isEmpty();
		assertThat(output).contains("FastAGI connection from 127.0.0.1 refused: not an allowed peer");
	}

}
