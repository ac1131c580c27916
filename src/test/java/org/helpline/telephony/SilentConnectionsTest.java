package org.helpline.telephony;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.helpline.helplines.HelplineSettings;
import org.helpline.schedule.OpeningInterval;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that never send a request hold a thread until the request timeout, but not a
 * call's place: with every call place taken by such connections, a real call is still served.
 */
@TestPropertySource(properties = { "helpline.agi.max-concurrent-calls=2", "helpline.agi.max-waiting-connections=50" })
class SilentConnectionsTest extends FakeAsteriskTest {

	static final String HELPLINE_NUMBER = "08002666436";

	@Test
	void silentConnectionsDoNotKeepACallOut() throws IOException {
		var helpline = helplines.create(new HelplineSettings("Stop it Now", List.of(HELPLINE_NUMBER),
				"Europe/Amsterdam", "NL", "nl", 25));
		helplines.replaceOpeningHours(helpline.id(),
				List.of(new OpeningInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))));
		clock.set(java.time.LocalDateTime.parse("2027-01-05T20:00").atZone(java.time.ZoneId.of("Europe/Amsterdam"))
			.toInstant());
		List<Socket> silent = new ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				silent.add(new Socket(InetAddress.getLoopbackAddress(), agiPort()));
			}

			var session = new FakeAsterisk(agiPort()).call(HELPLINE_NUMBER);

			assertThat(session.commands()).anyMatch(c -> c.startsWith("STREAM FILE"));
		}
		finally {
			for (Socket socket : silent) {
				socket.close();
			}
		}
	}

}
