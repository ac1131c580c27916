package org.helpline.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AMI link is cut (its TCP connection destroyed, as a network fault would) while a phone
 * comes back: the change Asterisk announced while the link was down is not lost, the
 * counsellor is routable once the link is back.
 */
class AmiCutIT extends AsteriskTest {

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Test
	void aPhoneThatCameBackWhileTheLinkWasCutMakesItsCounsellorAvailable() {
		long dora = counsellors.create(new CounsellorSettings("Dora", "counsellor-4", null, null, Map.of(), Map.of()))
			.id();
		presence.signIn(dora);
		await().atMost(Duration.ofSeconds(20)).until(() -> presence.status(dora).state() == CounsellorState.PAUSED);
		double connections = meters.get("helpline.ami.connections").gauge().value();

		try (Sipp dorasPhone = Sipp.phone("phone-answers-options.xml", 5084, "-m", "60")) {
			cutTheAmiLink();
			long cutAt = System.nanoTime();

			await().atMost(Duration.ofSeconds(30))
				.until(() -> presence.status(dora).state() == CounsellorState.AVAILABLE);
			System.out.println("measured: AMI cut while a phone came back: its counsellor available after "
					+ Duration.ofNanos(System.nanoTime() - cutAt));
		}
		assertThat(meters.get("helpline.ami.connections").gauge().value()).as("the link was cut and came back")
			.isGreaterThan(connections);
	}

	/** Destroys the service's TCP connections to AMI (ss -K), without touching Asterisk. */
	private static void cutTheAmiLink() {
		try {
			Process ss = new ProcessBuilder("ss", "-K", "dst", "127.0.0.1", "dport", "=", "5038").redirectErrorStream(true)
				.start();
			String output = new String(ss.getInputStream().readAllBytes());
			assertThat(ss.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(output).as("a connection to AMI was destroyed").contains(":5038");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
