package org.helpline.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.helpline.caller.CallerGroup;
import org.helpline.caller.Language;
import org.helpline.counsellors.CounsellorSettings;
import org.helpline.counsellors.CounsellorState;
import org.helpline.counsellors.RingResult;
import org.helpline.routing.QueueOutcome.Offered;
import org.helpline.routing.QueueOutcome.Overflow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue: who gets which counsellor, and what a waiting caller hears and keeps. */
class CallQueueTest extends RoutingTest {

	@Test
	void aCallerGetsTheLongestIdleCounsellor() {
		long anna = signedIn("Anna");
		clock.advance(Duration.ofMinutes(1));
		signedIn("Bram");

		join("c1");

		Offer offer = offerFor("c1");
		assertThat(offer.counsellorId()).isEqualTo(anna);
		assertThat(offer.endpoint()).isEqualTo("anna");
		assertThat(offer.ringTimeoutSeconds()).isEqualTo(25);
		assertThat(state(anna).state()).isEqualTo(CounsellorState.RINGING);
	}

	@Test
	void theCounsellorWhoJustFinishedACallIsNotNextUnderLongestIdle() {
		rules(wrapUp(0));
		long anna = signedIn("Anna");
		long bram = signedIn("Bram");
		join("c1");
		clock.advance(Duration.ofMinutes(3));
		talkTo("c1", anna);

		join("c2");

		assertThat(offerFor("c2").counsellorId()).isEqualTo(bram);
	}

	@Test
	void roundRobinRingsEveryCounsellorInTurn() {
		rules(new RoutingSettings("ROUND_ROBIN", null, 0, null, null, null, null, null));
		long anna = signedIn("Anna");
		long bram = signedIn("Bram");
		long cato = signedIn("Cato");

		for (String call : List.of("c1", "c2", "c3", "c4")) {
			join(call);
		}

		talkTo("c1", anna);
		talkTo("c2", bram);
		talkTo("c3", cato);
		talkTo("c4", anna);
	}

	@Test
	void fewestCallsTodayPrefersTheCounsellorWhoAnsweredFewerEvenIfIdleShorter() {
		rules(new RoutingSettings("FEWEST_CALLS_TODAY", null, 0, null, null, null, null, null));
		long anna = signedIn("Anna");
		join("c1");
		talkTo("c1", anna);
		join("c2");
		talkTo("c2", anna);
		clock.advance(Duration.ofMinutes(1));
		long bram = signedIn("Bram");

		join("c3");

		assertThat(offerFor("c3").counsellorId()).isEqualTo(bram);
	}

	@Test
	void aCounsellorFreedGoesToTheLongestWaitingCaller() {
		join("first");
		clock.advance(Duration.ofSeconds(10));
		join("second");
		clock.advance(Duration.ofSeconds(10));
		join("third");

		long anna = signedIn("Anna");

		assertThat(offerFor("first").counsellorId()).isEqualTo(anna);
		assertThat(announcementFor("second").position()).isEqualTo(2);
		assertThat(announcementFor("third").position()).isEqualTo(3);
	}

	@Test
	void aCallerWhoseGroupNoFreeCounsellorTakesWaitsWhileALaterCallerIsServed() {
		long anna = counsellor("Anna", Map.of("professional", 1), Map.of("nl", 1));
		queue.join("self-caller", helplineId, new CallerGroup("SELF"), Language.DUTCH, clock.instant());
		clock.advance(Duration.ofSeconds(5));
		queue.join("professional", helplineId, new CallerGroup("PROFESSIONAL"), Language.DUTCH, clock.instant());

		presence.signIn(anna);

		assertThat(offerFor("professional").counsellorId()).isEqualTo(anna);
		assertThat(announcementFor("self-caller").position()).isEqualTo(1);
	}

	@Test
	void levelTwoCounsellorsTakeTheCallOnceTheWaitHasWidened() {
		rules(new RoutingSettings(null, null, null, null, null, null, List.of(30, 90), null));
		long second = counsellor("Bram", Map.of("self", 2), Map.of("nl", 1));
		presence.signIn(second);
		join("c1");

		passes(Duration.ofSeconds(29));
		announcementFor("c1");

		passes(Duration.ofSeconds(1));
		assertThat(offerFor("c1").counsellorId()).isEqualTo(second);
	}

	@Test
	void noAnswerPausesTheCounsellorAndTheCallerGetsTheNextOneKeepingTheirPlace() {
		long anna = signedIn("Anna");
		join("c1");
		clock.advance(Duration.ofSeconds(5));
		join("c2");
		assertThat(offerFor("c1").counsellorId()).isEqualTo(anna);

		queue.ringResult("c1", RingResult.NO_ANSWER);

		assertThat(state(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(state(anna).reason()).isEqualTo("no answer");
		assertThat(announcementFor("c1").position()).isEqualTo(1);
		long bram = signedIn("Bram");
		assertThat(offerFor("c1").counsellorId()).isEqualTo(bram);
		assertThat(announcementFor("c2").position()).isEqualTo(2);
	}

	@Test
	void aCallerWhoseRingWasMissedWhileOthersRingGetsTheNextFreeCounsellorAtOnce() {
		List<Long> missing = List.of(signedIn("M1"), signedIn("M2"), signedIn("M3"));
		clock.advance(Duration.ofSeconds(1));
		List<Long> answering = List.of(signedIn("A1"), signedIn("A2"), signedIn("A3"), signedIn("A4"));
		for (int n = 1; n <= 5; n++) {
			join("c" + n);
			clock.advance(Duration.ofMillis(250));
		}
		assertThat(offerFor("c1").counsellorId()).isEqualTo(missing.get(0));
		clock.advance(Duration.ofSeconds(5));

		queue.ringResult("c1", RingResult.NO_ANSWER);

		assertThat(offerFor("c1").counsellorId()).isIn(answering);
	}

	@Test
	void neitherANoAnswerNorABusyAnswerPauseIsLiftedByItself() {
		long anna = signedIn("Anna");
		long bram = signedIn("Bram");
		join("c1");
		queue.ringResult("c1", RingResult.NO_ANSWER);
		queue.ringResult("c1", RingResult.BUSY);
		assertThat(state(bram).reason()).isEqualTo("answered busy");

		passes(Duration.ofMinutes(2));

		assertThat(state(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(state(bram).state()).isEqualTo(CounsellorState.PAUSED);
		announcementFor("c1");
	}

	/**
	 * A phone that answers a ring with 486 (declined, do-not-disturb) is idle again at once: its
	 * counsellor was freed by that and rung again and again while callers waited.
	 */
	@Test
	void aPhoneThatAnsweredBusyGoingIdleDoesNotFreeItsCounsellor() {
		long anna = signedIn("Anna");
		long bram = signedIn("Bram");
		join("c1");
		presence.deviceBusy("anna");
		queue.ringResult("c1", RingResult.BUSY);

		presence.deviceIdle("anna");

		assertThat(state(anna).state()).isEqualTo(CounsellorState.PAUSED);
		assertThat(state(anna).reason()).isEqualTo("answered busy");
		assertThat(offerFor("c1").counsellorId()).isEqualTo(bram);
	}

	@Test
	void aCallerWhoRejoinsAfterARestartKeepsTheirPlaceFromTheOriginalEntryTime() {
		join("first");
		var firstEntered = clock.instant();
		clock.advance(Duration.ofSeconds(10));
		join("second");
		var secondEntered = clock.instant();

		queue.stopSharing();
		aQueueOfItsOwn();
		clock.advance(Duration.ofSeconds(30));
		queue.join("second", helplineId, new CallerGroup("SELF"), Language.DUTCH, secondEntered);
		queue.join("first", helplineId, new CallerGroup("SELF"), Language.DUTCH, firstEntered);
		long anna = signedIn("Anna");

		assertThat(offerFor("first").counsellorId()).isEqualTo(anna);
	}

	@Test
	void theAnnouncedPositionNeverGoesUp() {
		var earlier = clock.instant();
		clock.advance(Duration.ofSeconds(10));
		join("second");
		assertThat(announcementFor("second").position()).isEqualTo(1);

		// After a restart a caller who entered earlier comes back and sorts in ahead.
		queue.join("first", helplineId, new CallerGroup("SELF"), Language.DUTCH, earlier);

		assertThat(announcementFor("first").position()).isEqualTo(1);
		assertThat(announcementFor("second").position()).isEqualTo(1);
	}

	@Test
	void pastTheMaximumWaitTheCallerOverflowsAndLeavesTheQueue() {
		rules(new RoutingSettings(null, null, null, 120, null, null, null, null));
		join("c1");
		clock.advance(Duration.ofSeconds(119));
		announcementFor("c1");

		clock.advance(Duration.ofSeconds(1));

		assertThat(queue.await("c1", Duration.ofMinutes(1))).isInstanceOf(Overflow.class);
		assertThat(waiting()).isZero();
	}

	@Test
	void aCallerWhoHangsUpLeavesAtOnceAndReleasesTheCounsellorClaimedForThem() {
		join("waiting");
		queue.leave("waiting");
		assertThat(waiting()).isZero();

		long anna = signedIn("Anna");
		join("offered");
		assertThat(offerFor("offered").counsellorId()).isEqualTo(anna);
		queue.leave("offered");

		assertThat(state(anna).state()).isEqualTo(CounsellorState.AVAILABLE);
		assertThat(waiting()).isZero();
	}

	@Test
	void aCallWhoseSessionVanishedWithoutLeavingIsDroppedOnceItCouldNoLongerBeWaiting() {
		rules(new RoutingSettings(null, null, null, 120, null, null, null, null));
		join("vanished");

		passes(Duration.ofSeconds(120 + 29));
		assertThat(waiting()).isEqualTo(1);

		passes(Duration.ofSeconds(2));
		assertThat(waiting()).isZero();
	}

	@Test
	void aCallerWhoHangsUpWhileTheCounsellorRingsFreesTheCounsellorForTheNextCaller() {
		long anna = signedIn("Anna");
		join("c1");
		join("c2");

		queue.ringResult("c1", RingResult.CALLER_HUNG_UP);

		assertThat(offerFor("c2").counsellorId()).isEqualTo(anna);
	}

	@Test
	void aWaitingCallerIsWokenWhenACounsellorSignsIn() throws Exception {
		join("c1");
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture<QueueOutcome> waiting = CompletableFuture
				.supplyAsync(() -> queue.await("c1", Duration.ofMinutes(1)), callers);

			long anna = signedIn("Anna");

			QueueOutcome outcome = waiting.get(10, TimeUnit.SECONDS);
			assertThat(outcome).isInstanceOfSatisfying(Offered.class,
					offered -> assertThat(offered.offer().counsellorId()).isEqualTo(anna));
		}
	}

	@Test
	void aCounsellorOnATrunkIsOfferedWithTheirNumber() {
		long mobile = counsellors.create(new CounsellorSettings("Dana", null, "0612345678", null, Map.of(), Map.of()))
			.id();
		join("c1");
		clock.advance(Duration.ofSeconds(95));

		presence.signIn(mobile);

		Offer offer = offerFor("c1");
		assertThat(offer.endpoint()).isNull();
		assertThat(offer.externalNumber()).isEqualTo("0612345678");
	}

	@Test
	void afterEnoughAnswersWaitingCallersHearAnEstimate() {
		twoWaitAfterThreeAnsweredWithin40Seconds();

		Announcement announcement = announcementFor("e");

		assertThat(announcement.position()).isEqualTo(2);
		assertThat(announcement.estimatedWait()).as("80 s, as said").isEqualTo(Duration.ofMinutes(1));
		assertThat(announcement.sayEstimate()).isTrue();
		assertThat(announcement.sayPosition()).isTrue();
	}

	@Test
	void theEstimateACallerHearsNeverGoesUp() {
		twoWaitAfterThreeAnsweredWithin40Seconds();
		assertThat(announcementFor("e").estimatedWait()).isEqualTo(Duration.ofMinutes(1));
		rules(wrapUp(600));
		clock.advance(Duration.ofMinutes(10));
		long bram = signedIn("Bram");
		talkTo("d", bram); // 600 s for one place: the mean rises to 3 minutes a place

		Announcement announcement = announcementFor("e");

		assertThat(announcement.position()).isEqualTo(1);
		assertThat(announcement.estimatedWait()).isEqualTo(Duration.ofMinutes(1));
	}

	/** Anna answered three callers after 40 s each, then paused, so "d" and "e" wait with an estimate. */
	private void twoWaitAfterThreeAnsweredWithin40Seconds() {
		rules(wrapUp(0));
		long anna = signedIn("Anna");
		for (String call : List.of("a", "b", "c")) {
			join(call);
			clock.advance(Duration.ofSeconds(40));
			talkTo(call, anna);
		}
		presence.pause(anna, "coffee");
		join("d");
		join("e");
	}

	@Test
	void answerTimeDecisionTimeAndWaitingCallersAreMeasured() {
		long decisionsBefore = meters.get("helpline.routing.decision").timer().count();
		long anna = signedIn("Anna");
		join("c1");
		clock.advance(Duration.ofSeconds(12));
		queue.ringResult("c1", RingResult.ANSWERED);
		join("c2");
		join("c3");
		clock.advance(Duration.ofSeconds(7));

		var answerTime = meters.get("helpline.routing.answer.time").tag("helpline", "Stop it Now").timer();
		assertThat(answerTime.max(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(12);
		assertThat(meters.get("helpline.routing.decision").timer().count()).isEqualTo(decisionsBefore + 1);
		assertThat(meters.get("helpline.routing.calls.waiting").tag("helpline", "Stop it Now").gauge().value())
			.isEqualTo(2);
		assertThat(meters.get("helpline.routing.longest.wait").tag("helpline", "Stop it Now").gauge().value())
			.isEqualTo(7);
		assertThat(state(anna).state()).isEqualTo(CounsellorState.ON_CALL);
	}

}
