package org.helpline.routing;

import java.time.Duration;
import java.util.Map;

import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.DeviceState;
import org.helpline.counsellors.RingResult;
import org.helpline.counsellors.StateConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counsellors' states: wrap-up, pauses, what their phones say, and the history kept of it. */
@ExtendWith(OutputCaptureExtension.class)
class PresenceTest extends RoutingTest {

	/**
	 * Issue 11, item 5: a log line's own time is exact. "Counsellor 3: ON_CALL" at 14:03:17
	 * and "WRAP_UP" at 14:21:40 would give the exact answer, end and length of the one call
	 * counsellor 3 took that hour: the carrier's list then names its caller, and the record
	 * (counsellor 3, 14:00) its pseudonym. Changes a call causes are not logged per counsellor.
	 */
	@Test
	void theChangesACallCausesAreNotLoggedWithTheCounsellor(CapturedOutput output) {
		rules(wrapUp(120));
		long anna = signedIn("Anna");
		join("c1");
		talkTo("c1", anna);
		passes(Duration.ofSeconds(120));
		presence.pause(anna, "lunch");

		assertThat(state(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(output.getOut()).contains("Counsellor " + anna + ": AVAILABLE (signed in)")
			.contains("Counsellor " + anna + ": PAUSED (lunch)")
			.doesNotContain("Counsellor " + anna + ": RINGING")
			.doesNotContain("Counsellor " + anna + ": ON_CALL")
			.doesNotContain("Counsellor " + anna + ": WRAP_UP")
			.doesNotContain("Counsellor " + anna + ": AVAILABLE (wrap-up ended)");
	}

	@Test
	void wrapUpEndsByItselfWhenItsTimeIsUp() {
		rules(wrapUp(120));
		long anna = signedIn("Anna");
		join("c1");
		talkTo("c1", anna);
		assertThat(state(anna).state()).isEqualTo(CounsellorState.WRAP_UP);
		assertThat(state(anna).wrapUpUntil()).isEqualTo(NINE.plusSeconds(120));

		passes(Duration.ofSeconds(119));
		assertThat(state(anna).state()).isEqualTo(CounsellorState.WRAP_UP);

		passes(Duration.ofSeconds(1));
		assertThat(state(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		assertThat(state(anna).reason()).isEqualTo("wrap-up ended");
	}

	@Test
	void wrapUpIsHonouredWhileCallersWaitAndTheyGetTheCounsellorWhenItEnds() {
		rules(wrapUp(60));
		long anna = signedIn("Anna");
		join("c1");
		talkTo("c1", anna);
		join("c2");
		announcementFor("c2");

		passes(Duration.ofSeconds(60));

		assertThat(offerFor("c2").counsellorId()).isEqualTo(anna);
	}

	@Test
	void aCounsellorCanEndWrapUpEarly() {
		long anna = signedIn("Anna");
		join("c1");
		talkTo("c1", anna);
		join("c2");

		presence.endWrapUp(anna);

		assertThat(offerFor("c2").counsellorId()).isEqualTo(anna);
	}

	@Test
	void aCounsellorCanExtendWrapUp() {
		rules(wrapUp(120));
		long anna = signedIn("Anna");
		join("c1");
		talkTo("c1", anna);

		presence.extendWrapUp(anna, Duration.ofSeconds(60));
		passes(Duration.ofSeconds(120));
		assertThat(state(anna).state()).isEqualTo(CounsellorState.WRAP_UP);

		passes(Duration.ofSeconds(60));
		assertThat(state(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
	}

	@Test
	void outsideWrapUpThereIsNothingToExtend() {
		long anna = signedIn("Anna");

		assertThatThrownBy(() -> presence.extendWrapUp(anna, Duration.ofSeconds(60)))
			.isInstanceOf(StateConflictException.class);
	}

	@Test
	void aPausedCounsellorGetsNoCallsUntilTheyResume() {
		long anna = signedIn("Anna");
		presence.pause(anna, "lunch");
		join("c1");
		announcementFor("c1");

		presence.resume(anna);

		assertThat(offerFor("c1").counsellorId()).isEqualTo(anna);
	}

	@Test
	void aBusyPhonePausesAFreeCounsellorAndFreesThemWhenIdleAgain() {
		long anna = signedIn("Anna");
		presence.deviceBusy("anna");
		assertThat(state(anna).reason()).isEqualTo("phone busy");
		join("c1");
		announcementFor("c1");

		presence.deviceIdle("anna");

		assertThat(offerFor("c1").counsellorId()).isEqualTo(anna);
	}

	@Test
	void thePhoneBusyWithOurOwnRingDoesNotSpoilTheAnswer() {
		long anna = signedIn("Anna");
		join("c1");
		offerFor("c1");

		presence.deviceBusy("anna");
		queue.ringResult("c1", RingResult.ANSWERED);

		assertThat(state(anna).state()).isEqualTo(CounsellorState.ON_CALL);
	}

	@Test
	void afterAReconnectAPhoneMissingFromTheSnapshotIsUnreachableUntilItIsBack() {
		long anna = signedIn("Anna");
		long bram = signedIn("Bram");

		presence.deviceSnapshot(Map.of("bram", DeviceState.IDLE));

		assertThat(state(anna).reason()).isEqualTo("phone unreachable");
		assertThat(state(bram).state()).isEqualTo(CounsellorState.AVAILABLE);
		presence.deviceIdle("anna");
		assertThat(state(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
	}

	@Test
	void aCallWhoseEndWasMissedDuringAnAmiGapEndsInWrapUp() {
		long anna = signedIn("Anna");
		join("c1");
		offerFor("c1");
		queue.ringResult("c1", RingResult.ANSWERED);

		presence.deviceSnapshot(Map.of("anna", DeviceState.IDLE));

		assertThat(state(anna).state()).isEqualTo(CounsellorState.WRAP_UP);
	}

	/** Issue 13: after the database was away, AMI's truth came before the call's own end. */
	@Test
	void aCallsEndThatArrivesAfterAGuessedWrapUpGivesTheHelplinesWrapUp() {
		long anna = signedIn("Anna");
		join("c1");
		offerFor("c1");
		queue.ringResult("c1", RingResult.ANSWERED);
		presence.deviceSnapshot(Map.of("anna", DeviceState.IDLE));
		assertThat(state(anna).reason()).isEqualTo("call end missed");

		presence.callEnded(anna, Duration.ZERO);

		assertThat(state(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
	}

	/** Issue 13: the hang-up's script failed (database away), and the counsellor stayed ON_CALL for good. */
	@Test
	void aCounsellorWhosePhoneStaysIdleOnACallWhoseEndNeverCameGoesToWrapUp() {
		long anna = signedIn("Anna");
		join("c1");
		offerFor("c1");
		queue.ringResult("c1", RingResult.ANSWERED);
		presence.deviceBusy("anna");

		presence.deviceIdle("anna");
		passes(Duration.ofSeconds(2));
		assertThat(state(anna).state()).as("within the grace for the end to arrive").isEqualTo(CounsellorState.ON_CALL);
		passes(Duration.ofSeconds(15));

		assertThat(state(anna).state()).isEqualTo(CounsellorState.WRAP_UP);
	}

	@Test
	void aCounsellorOnACallWhosePhoneIsInUseStaysOnTheCall() {
		long anna = signedIn("Anna");
		join("c1");
		offerFor("c1");
		queue.ringResult("c1", RingResult.ANSWERED);
		presence.deviceBusy("anna");

		passes(Duration.ofMinutes(30));

		assertThat(state(anna).state()).isEqualTo(CounsellorState.ON_CALL);
	}

	@Test
	void signingInWithAnUnreachablePhoneMeansPausedForThePhone() {
		long anna = counsellor("Anna", Map.of(), Map.of());
		presence.deviceUnreachable("anna");

		presence.signIn(anna);

		assertThat(state(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(state(anna).reason()).isEqualTo("phone unreachable");
	}

	@Test
	void aRingNeverReportedIsReleasedAfterTheRingTimeoutAndGrace() {
		long anna = signedIn("Anna");
		join("c1");
		offerFor("c1");

		passes(Duration.ofSeconds(25 + 30));

		assertThat(state(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		assertThat(state(anna).reason()).isEqualTo("ring not reported");
	}

	@Test
	void everyStateChangeIsKeptWithItsHourAndAReason() {
		clock.set(NINE.plusSeconds(42 * 60 + 17));
		long anna = signedIn("Anna");
		presence.pause(anna, "training");
		presence.signOut(anna);

		var history = jdbc.sql("select at, state, reason from counsellor_state_change where counsellor_id = ? order by id")
			.param(anna)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + " " + rs.getString(2) + " "
					+ rs.getString(3))
			.list();
		assertThat(history).containsExactly("2027-01-05T09:00:00Z AVAILABLE signed in",
				"2027-01-05T09:00:00Z PAUSED training", "2027-01-05T09:00:00Z SIGNED_OUT signed out");
	}

	@Test
	void aCounsellorOnACallCannotPause() {
		long anna = signedIn("Anna");
		join("c1");
		offerFor("c1");
		queue.ringResult("c1", RingResult.ANSWERED);

		assertThatThrownBy(() -> presence.pause(anna, "coffee")).isInstanceOf(StateConflictException.class);
	}

}
