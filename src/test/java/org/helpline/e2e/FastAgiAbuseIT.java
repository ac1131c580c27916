package org.helpline.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever else reaches the FastAGI port (random bytes, a line of a mebibyte, hundreds of
 * connections that say nothing), real calls go on being served meanwhile, heard without gaps.
 */
class FastAgiAbuseIT extends AsteriskTest {

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Test
	void garbageOnTheFastAgiPortDoesNotKeepARealCallerFromACounsellor() throws IOException {
		at("2027-01-05T10:00");
		presence.signIn(counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(),
				Map.of())).id());
		List<Socket> idle = new ArrayList<>();
		try {
			for (int i = 0; i < 600; i++) {
				idle.add(new Socket(InetAddress.getLoopbackAddress(), agiPort()));
			}
			sendAndDrop(randomBytes(64 * 1024));
			byte[] longLine = new byte[1024 * 1024];
			Arrays.fill(longLine, (byte) 'a');
			sendAndDrop(longLine);

			try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
					Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081);
					Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, "0612345678", CALLER_MEDIA_PORT,
							"-d", "12000")) {
				assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
				assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
				System.out.println("measured: 600 idle connections, random bytes, a 1 MiB line: answered after "
						+ ear.firstPacketAfter().orElse(null) + ", longest silence " + ear.longestSilenceBetweenSounds());
				assertThat(ear.firstPacketAfter().orElseThrow()).isLessThan(Duration.ofSeconds(2));
				assertThat(ear.longestSilenceBetweenSounds()).isLessThan(Duration.ofSeconds(2));
			}
		}
		finally {
			for (Socket socket : idle) {
				socket.close();
			}
		}
		assertThat(recordedOutcomes(1)).containsExactly("ANSWERED");
	}

	private void sendAndDrop(byte[] bytes) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), agiPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(bytes);
			out.flush();
		}
		catch (IOException dropped) {
			// the server may close the connection before it has all of it: what it should do
		}
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		new Random(13).nextBytes(bytes);
		return bytes;
	}

}
