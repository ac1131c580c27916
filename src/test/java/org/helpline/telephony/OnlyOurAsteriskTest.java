package org.helpline.telephony;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.helpline.helplines.HelplineSettings;
import org.helpline.schedule.OpeningInterval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any process that can reach the FastAGI port could play Asterisk: read a caller's tag (an
 * oracle of whether a number called this year), sign counsellors out, or write fake records
 * into the published figures. Only requests carrying the dialplan's secret get anything, and
 * no request can fill the heap.
 */
class OnlyOurAsteriskTest extends FakeAsteriskTest {

	static final String HELPLINE_NUMBER = "08002666436";

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	long anna;

	@BeforeEach
	void openHelplineWithAnnaSignedIn() {
		var helpline = helplines.create(new HelplineSettings("Stop it Now", List.of(HELPLINE_NUMBER),
				"Europe/Amsterdam", "NL", "nl", 25));
		List<OpeningInterval> weekdays = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			weekdays.add(new OpeningInterval(day, LocalTime.of(0, 0), LocalTime.of(0, 0)));
		}
		helplines.replaceOpeningHours(helpline.id(), weekdays);
		jdbc.sql("delete from counsellor").update();
		jdbc.sql("delete from contact_record").update();
		anna = counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(), Map.of())).id();
		presence.signIn(anna);
		at("2027-01-05T10:00");
	}

	@Test
	void aCallWithoutTheSecretGetsNoPromptNoTagAndNoRecord() {
		for (String secret : Arrays.asList("wrong", null, "")) {
			FakeAsterisk.Session forged = new FakeAsterisk(agiPort()).secret(secret).callerNumber("0612345678")
				.call(HELPLINE_NUMBER);

			assertThat(forged.commands()).as("commands for secret %s", secret).isEmpty();
		}
		FakeAsterisk forger = new FakeAsterisk(agiPort()).secret("wrong");
		forger.call(HELPLINE_NUMBER);
		forger.run("ended?dialstatus=ANSWER&talk=300", HELPLINE_NUMBER);

		assertThat(records()).isZero();
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
	}

	@Test
	void aForgedFeatureCodeSignsNobodyOut() {
		FakeAsterisk.Session forged = new FakeAsterisk(agiPort()).secret("wrong")
			.channel("PJSIP/counsellor-1-0000002a")
			.run("feature?code=22", "*22");

		assertThat(forged.commands()).isEmpty();
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
	}

	@Test
	void ourAsterisksCallIsServedAsBefore() {
		FakeAsterisk.Session call = new FakeAsterisk(agiPort()).presses("1").call(HELPLINE_NUMBER);

		assertThat(call.variables()).containsEntry("HELPLINE_ACTION", "open");
	}

	@Test
	void aHugeLineIsDroppedUnreadAndTheNextCallIsServed() throws IOException {
		byte[] line = new byte[16 << 20];
		Arrays.fill(line, (byte) 'a');

		assertThat(writeAll(line)).as("the server read a 16 MiB line to its end").isFalse();

		FakeAsterisk.Session call = new FakeAsterisk(agiPort()).presses("1").call(HELPLINE_NUMBER);
		assertThat(call.variables()).containsEntry("HELPLINE_ACTION", "open");
	}

	@Test
	void aRequestOfTwoMillionLinesIsDroppedAndTheNextCallIsServed() throws IOException {
		byte[] lines = "agi_x: y\n".repeat(2_000_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

		assertThat(writeAll(lines)).as("the server read a request of 2,000,000 lines").isFalse();

		FakeAsterisk.Session call = new FakeAsterisk(agiPort()).presses("1").call(HELPLINE_NUMBER);
		assertThat(call.variables()).containsEntry("HELPLINE_ACTION", "open");
	}

	@Test
	void aForgedArgumentNumberCannotExhaustMemory() {
		String request = "agi_network: yes\nagi_network_script: incoming?dialled=" + HELPLINE_NUMBER
				+ "\nagi_uniqueid: 1.2\nagi_arg_2000000000: x\n\n";

		FakeAsterisk.Session forged = new FakeAsterisk(agiPort()).sendRaw(request.getBytes());

		assertThat(forged.commands()).isEmpty();
	}

	/**
	 * Whether all the bytes could be written: the server hangs up after the first few KiB of a
	 * line that does not end, so the rest meets a closed connection.
	 */
	private boolean writeAll(byte[] bytes) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", agiPort())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				for (int offset = 0; offset < bytes.length; offset += 65_536) {
					out.write(bytes, offset, Math.min(65_536, bytes.length - offset));
				}
				out.flush();
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}
	}

	private long records() {
		return jdbc.sql("select count(*) from contact_record").query(Long.class).single();
	}

	private void at(String localTime) {
		clock.set(java.time.LocalDateTime.parse(localTime).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant());
	}

}
