package org.helpline.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.helpline.routing.HelplineRouting;
import org.helpline.routing.RoutingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dialplan's side of "no caller lost": with a list of service nodes, a call goes to the
 * next node when one is stopped (connection refused) or frozen (takes the connection, answers
 * nothing: what a SIGSTOPped or stuck JVM looks like to Asterisk), and while no node answers at
 * all the caller hears the fallback, music and "one moment" until one is back. Each test
 * listens to what the caller heard.
 */
class BackendFailoverIT extends AsteriskTest {

	static final String CALLER = "0612345678";

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Autowired
	HelplineRouting routing;

	private long anna;

	private final java.util.List<AutoCloseable> fakeNodes = new CopyOnWriteArrayList<>();

	@BeforeEach
	void annaIsFree() {
		at("2027-01-05T10:00");
		routing.update(helpline.id(), new RoutingSettings("LONGEST_IDLE", 20, 0, 60, 10, "POSITION", null, null));
		anna = counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(), Map.of()))
			.id();
		presence.signIn(anna);
	}

	@AfterEach
	void oneNodeAgain() throws Exception {
		backends("127.0.0.1:" + agiPort());
		AsteriskSandbox.cli("dialplan set global HELPLINE_SUSPECT_1 0");
		AsteriskSandbox.cli("dialplan set global HELPLINE_SUSPECT_2 0");
		for (AutoCloseable node : fakeNodes) {
			node.close();
		}
	}

	@Test
	void aStoppedNodeIsPassedOverAtOnce() throws IOException {
		backends("127.0.0.1:" + closedPort() + "&127.0.0.1:" + agiPort());

		Heard heard = callAnsweredByAnna();

		assertThat(heard.answeredAfter()).isLessThan(Duration.ofSeconds(1));
		assertThat(heard.longestSilence()).isLessThan(Duration.ofSeconds(2));
		assertThat(recordedOutcomes(1)).containsExactly("ANSWERED");
	}

	@Test
	void aFrozenNodeIsLeftWithinTwoSecondsAndPassedOverByTheNextCalls() throws IOException {
		ServerSocket frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		fakeNodes.add(frozen);
		backends("127.0.0.1:" + frozen.getLocalPort() + "&127.0.0.1:" + agiPort());

		Heard first = callAnsweredByAnna();
		await().atMost(Duration.ofSeconds(15)).until(() -> presence.status(anna).state() == CounsellorState.AVAILABLE);
		Heard second = callAnsweredByAnna();

		assertThat(first.answeredAfter()).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
		assertThat(second.answeredAfter()).as("the frozen node is passed over now").isLessThan(Duration.ofSeconds(1));
		assertThat(first.longestSilence()).isLessThan(Duration.ofSeconds(2));
		assertThat(recordedOutcomes(2)).containsExactly("ANSWERED", "ANSWERED");
	}

	@Test
	void whileNoNodeAnswersTheCallerHearsMusicAndIsServedWhenOneIsBack() throws IOException {
		int port = closedPort();
		backends("127.0.0.1:" + port);

		try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"40000")) {
			await().atMost(Duration.ofSeconds(5)).until(() -> ear.packets() > 0);
			sleep(Duration.ofSeconds(15));
			assertThat(annasPhone.messages()).doesNotContain("INVITE sip:");
			fakeNodes.add(new Forwarder(port, agiPort()));

			assertThat(caller.exitCode(Duration.ofSeconds(90))).as(caller.output()).isZero();
			assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
			System.out.println("measured: no node for 15 s, longest silence " + ear.longestSilence());
			assertThat(ear.longestSilence()).isLessThan(Duration.ofSeconds(2));
		}
		assertThat(recordedOutcomes(1)).containsExactly("ANSWERED");
	}

	@Test
	void aCounsellorWhoHangsUpWhileTheCallsNodeIsFrozenDoesNotHoldTheCallersLine() throws IOException {
		ServerSocket frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		fakeNodes.add(frozen);
		try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp annasPhone = Sipp.phone("counsellor-hangs-up.xml", 5081, "-set", "talk_ms", "4000");
				Sipp caller = Sipp.caller("caller.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> annasPhone.messages().contains("ACK sip:"));
			// The node that took the call (the first) freezes: now a socket that never answers.
			backends("127.0.0.1:" + frozen.getLocalPort() + "&127.0.0.1:" + agiPort());

			assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
			long counsellorGone = System.nanoTime();
			assertThat(caller.exitCode(Duration.ofSeconds(30))).as(caller.output()).isZero();
			Duration held = Duration.ofNanos(System.nanoTime() - counsellorGone);
			System.out.println("measured: counsellor hung up, the call's node frozen: caller's line ended after " + held);
			assertThat(held).isLessThan(Duration.ofSeconds(4));
		}
		assertThat(recordedOutcomes(1)).containsExactly("ANSWERED");
	}

	/** Whatever the nodes, a caller Anna answers: how soon they heard the line, and its longest silence. */
	private Heard callAnsweredByAnna() {
		try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"10000")) {
			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
			assertThat(annasPhone.messages()).contains("INVITE sip:counsellor-1@");
			Heard heard = new Heard(ear.firstPacketAfter().orElseThrow(), ear.longestSilence());
			// Figures for BENCHMARKS.md's faults table
			System.out.println("measured: " + heard);
			return heard;
		}
	}

	private record Heard(Duration answeredAfter, Duration longestSilence) {
	}

	private static void backends(String list) {
		AsteriskSandbox.cli("dialplan set global HELPLINE_BACKENDS " + list);
	}

	/** A port nothing listens on: connecting to it is refused, like a stopped node. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A node that comes back: relays a port to this test's FastAGI server. */
	private static final class Forwarder implements AutoCloseable {

		private final ServerSocket server;

		Forwarder(int port, int target) throws IOException {
			server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
			Thread.ofVirtual().start(() -> {
				while (!server.isClosed()) {
					try {
						Socket in = server.accept();
						Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
						pipe(in, out);
						pipe(out, in);
					}
					catch (IOException closed) {
						return;
					}
				}
			});
		}

		private static void pipe(Socket from, Socket to) {
			Thread.ofVirtual().start(() -> {
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					in.transferTo(out);
				}
				catch (IOException ended) {
					// one side closed: close both
				}
				finally {
					closeQuietly(from);
					closeQuietly(to);
				}
			});
		}

		private static void closeQuietly(Socket socket) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already gone: nothing left to relay
			}
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

}
