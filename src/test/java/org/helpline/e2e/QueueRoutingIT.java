package org.helpline.e2e;

import java.time.Duration;
import java.util.Map;

import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.Counsellors;
import org.helpline.counsellors.Presence;
import org.helpline.routing.CallQueue;
import org.helpline.routing.HelplineRouting;
import org.helpline.routing.RoutingSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The helpline's queue with real phones: who gets the call, and what a waiting caller gets. */
class QueueRoutingIT extends AsteriskTest {

	static final String CALLER = "0612345678";

	@Autowired
	Counsellors counsellors;

	@Autowired
	Presence presence;

	@Autowired
	HelplineRouting routing;

	@Autowired
	CallQueue queue;

	@BeforeEach
	void quickRinging() {
		at("2027-01-05T10:00");
		routing.update(helpline.id(), new RoutingSettings("LONGEST_IDLE", 6, 0, 60, 10, "POSITION", null, null));
	}

	@Test
	void theLongestIdleCounsellorGetsTheCallAndNeverSeesTheCallersNumber() {
		long anna = signedIn("Anna", "counsellor-1");
		clock.advance(Duration.ofMinutes(5));
		signedIn("Bram", "counsellor-2");

		try (Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"12000")) {

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
			assertThat(annasPhone.messages()).contains("INVITE sip:counsellor-1@").doesNotContain("612345678");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> presence.status(anna).state() == CounsellorState.AVAILABLE);
	}

	@Test
	void aCounsellorWhoDoesNotAnswerIsPausedAndTheNextOneGetsTheCaller() {
		long anna = signedIn("Anna", "counsellor-1");
		clock.advance(Duration.ofMinutes(5));
		signedIn("Bram", "counsellor-2");

		try (Sipp annasPhone = Sipp.phone("counsellor-no-answer.xml", 5081);
				Sipp bramsPhone = Sipp.phone("counsellor-answer.xml", 5082);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"20000")) {

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(bramsPhone.exitCode(Duration.ofSeconds(30))).as(bramsPhone.output()).isZero();
			assertThat(annasPhone.messages()).contains("CANCEL sip:counsellor-1@");
			assertThat(bramsPhone.messages()).contains("INVITE sip:counsellor-2@");
		}
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(presence.status(anna).reason()).isEqualTo("no answer");
	}

	@Test
	void aCallerWaitsWhileTheOnlyCounsellorTalksAndIsConnectedWhenThatCallEnds() {
		signedIn("Anna", "counsellor-1");

		try (Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081, "-m", "2");
				Sipp first = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"14000")) {
			await().atMost(Duration.ofSeconds(15)).until(() -> annasPhone.messages().contains("INVITE sip:"));
			try (RtpListener secondEar = new RtpListener(CALLER_MEDIA_PORT + 2);
					Sipp second = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, "0698765432",
							CALLER_MEDIA_PORT + 2, "-p", "5072", "-d", "30000")) {

				await().atMost(Duration.ofSeconds(15)).until(() -> waiting() == 1);
				assertThat(first.exitCode(Duration.ofSeconds(30))).as(first.output()).isZero();
				assertThat(second.exitCode(Duration.ofSeconds(60))).as(second.output()).isZero();
				assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
				assertThat(secondEar.voicedSeconds()).as("welcome and music while waiting").isGreaterThan(5);
			}
		}
		assertThat(recordedOutcomes(2)).containsExactly("ANSWERED", "ANSWERED");
	}

	@Test
	void pastTheMaximumWaitTheCallerHearsTheOverflowMessageAndIsHungUp() {
		double before = scriptRuns("completed");
		try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT)) {
			await().atMost(Duration.ofSeconds(15)).until(() -> waiting() == 1);
			clock.advance(Duration.ofSeconds(61));

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(caller.messages()).contains("BYE sip:");
		}
		assertThat(waiting()).isZero();
		assertThat(scriptRuns("completed")).isEqualTo(before + 1);
		assertThat(recordedOutcomes(1)).containsExactly("OVERFLOW");
	}

	@Test
	void onAnOpenLineWithNobodySignedInTheCallerHearsSoAndIsHungUpAtOnce() {
		routing.update(helpline.id(), new RoutingSettings("LONGEST_IDLE", 6, 0, 60, 10, "POSITION", null, null, 0));
		long started = System.nanoTime();
		try (RtpListener ear = new RtpListener(CALLER_MEDIA_PORT);
				Sipp caller = Sipp.caller("caller.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT)) {

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(caller.messages()).contains("BYE sip:");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("before the longest wait (60 s)")
				.isLessThan(Duration.ofSeconds(55));
			assertThat(ear.voicedSeconds()).as("welcome, nobody available and where else to turn").isGreaterThan(8);
		}
		assertThat(waiting()).isZero();
		assertThat(recordedOutcomes(1)).containsExactly("NOBODY_AVAILABLE");
	}

	@Test
	void aPhoneThatAnswersBusyPausesItsCounsellorAndTheNextOneGetsTheCaller() {
		long anna = signedIn("Anna", "counsellor-1");
		clock.advance(Duration.ofMinutes(5));
		signedIn("Bram", "counsellor-2");

		try (Sipp annasPhone = Sipp.phone("counsellor-busy.xml", 5081, "-m", "2");
				Sipp bramsPhone = Sipp.phone("counsellor-answer.xml", 5082);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"12000")) {

			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(bramsPhone.exitCode(Duration.ofSeconds(30))).as(bramsPhone.output()).isZero();
			assertThat(annasPhone.messages()).contains("SIP/2.0 486 Busy Here");
			assertThat(bramsPhone.messages()).contains("INVITE sip:counsellor-2@");
			// Her phone is idle again right after its 486, and a phone pause is retried after a minute
			// (helpline.routing.device-retry): neither may make her available; she declined.
			clock.advance(Duration.ofMinutes(2));
			await().during(Duration.ofSeconds(5))
				.atMost(Duration.ofSeconds(8))
				.until(() -> presence.status(anna).state() == CounsellorState.PAUSED);
			assertThat(annasPhone.messages().split("INVITE sip:counsellor-1@", -1)).as("Anna was rung once").hasSize(2);
		}
		assertThat(presence.status(anna).reason()).isEqualTo("answered busy");
		assertThat(recordedOutcomes(1)).containsExactly("ANSWERED");
	}

	@Test
	void aCallerWhoHangsUpWhileWaitingLeavesTheQueueAtOnce() {
		try (Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
				"10000")) {
			await().atMost(Duration.ofSeconds(15)).until(() -> waiting() == 1);

			assertThat(caller.exitCode(Duration.ofSeconds(30))).as(caller.output()).isZero();
			await().atMost(Duration.ofSeconds(2)).until(() -> waiting() == 0);
		}
		assertThat(recordedOutcomes(1)).containsExactly("ABANDONED_WAITING");
	}

	@Test
	void aCounsellorSignsInFromTheirOwnPhone() {
		long anna = counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(), Map.of()))
			.id();

		try (Sipp phone = Sipp.counsellorDials("*21", "counsellor-1", "local-dev-only-counsellor-1")) {
			assertThat(phone.exitCode(Duration.ofSeconds(40))).as(phone.output()).isZero();
		}
		// While the feature call lasts her phone is in use ("phone busy"); once it is idle she is available.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> presence.status(anna).state() == CounsellorState.AVAILABLE);
	}

	@Test
	void aPhoneWithoutTheCounsellorsPasswordCannotSignThemIn() {
		long anna = counsellors.create(new CounsellorSettings("Anna", "counsellor-1", null, null, Map.of(), Map.of()))
			.id();

		try (Sipp impostor = Sipp.counsellorDials("*21", "counsellor-1", "guessed")) {
			assertThat(impostor.exitCode(Duration.ofSeconds(40))).isNotZero();
		}
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.SIGNED_OUT);
	}

	@Test
	void aCounsellorSigningInOnAnUnreachablePhoneIsPausedForIt() {
		long dora = signedIn("Dora", "counsellor-4");

		await().atMost(Duration.ofSeconds(20)).until(() -> presence.status(dora).state() == CounsellorState.PAUSED);
		assertThat(presence.status(dora).reason()).isEqualTo("phone unreachable");
	}

	@Test
	void afterAsteriskRestartsTheServiceReconnectsAndASignedInCounsellorGetsTheNextCall() {
		long anna = signedIn("Anna", "counsellor-1");
		double connections = meters.get("helpline.ami.connections").gauge().value();

		AsteriskSandbox.stop();
		AsteriskSandbox.start(agiPort());

		await().atMost(Duration.ofSeconds(60))
			.until(() -> meters.get("helpline.ami.connections").gauge().value() > connections);
		await().atMost(Duration.ofSeconds(10)).until(() -> health("asteriskManager").contains("\"status\":\"UP\""));
		assertThat(presence.status(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		try (Sipp annasPhone = Sipp.phone("counsellor-answer.xml", 5081);
				Sipp caller = Sipp.caller("caller-hangs-up.xml", HELPLINE_NUMBER, CALLER, CALLER_MEDIA_PORT, "-d",
						"12000")) {
			assertThat(caller.exitCode(Duration.ofSeconds(60))).as(caller.output()).isZero();
			assertThat(annasPhone.exitCode(Duration.ofSeconds(30))).as(annasPhone.output()).isZero();
		}
		assertThat(recordedOutcomes(1)).containsExactly("ANSWERED");
	}

	private long signedIn(String name, String endpoint) {
		long id = counsellors.create(new CounsellorSettings(name, endpoint, null, null, Map.of(), Map.of())).id();
		presence.signIn(id);
		return id;
	}

	private int waiting() {
		return queue.summaries().stream().filter(q -> q.helplineId() == helpline.id()).mapToInt(q -> q.waiting()).sum();
	}

}
